package dev.fengyun.protection.web;

import dev.fengyun.catalog.PerformanceDetails;
import dev.fengyun.catalog.Storefront;
import dev.fengyun.platform.ClientMessages;
import dev.fengyun.protection.SaleGuard;
import dev.fengyun.protection.internal.WaitingRooms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The waiting page of a protected on-sale, and the rule that sends visitors there: the seat page of
 * a performance with a waiting room shows only to visitors whose turn it is.
 */
@Controller
class WaitingRoomPage {

    private static final List<String> TEXTS =
            List.of(
                    "PRE_QUEUE",
                    "WAITING",
                    "placing",
                    "ADMITTED",
                    "EXPIRED",
                    "position",
                    "wait",
                    "minutes",
                    "seconds",
                    "error");

    private final Storefront storefront;
    private final WaitingRooms rooms;
    private final ClientMessages messages;

    WaitingRoomPage(Storefront storefront, WaitingRooms rooms, ClientMessages messages) {
        this.storefront = storefront;
        this.rooms = rooms;
        this.messages = messages;
    }

    @GetMapping("/performances/{id}/queue")
    String queue(@PathVariable long id, Model model, Locale locale) {
        PerformanceDetails details = storefront.performance(id);
        if (rooms.room(id).isEmpty()) {
            return "redirect:/performances/" + id;
        }
        model.addAttribute("details", details);
        model.addAttribute("timeZone", details.venue().timeZone());
        model.addAttribute("startsAt", rooms.room(id).get().queueStartsAt());
        model.addAttribute("messages", messages.json(locale, "queue.", TEXTS));
        return "protection/queue";
    }

    /**
     * Sends visitors of a protected sale to the waiting room until it is their turn, and marks the
     * seat page of a sale whose holds need proofs.
     */
    @Configuration(proxyBeanMethods = false)
    static class SeatPageDoor implements WebMvcConfigurer {

        private static final Pattern SEAT_PAGE = Pattern.compile("/performances/(\\d{1,18})");

        private final SaleGuard guard;

        SeatPageDoor(SaleGuard guard) {
            this.guard = guard;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(
                            new HandlerInterceptor() {
                                @Override
                                public boolean preHandle(
                                        HttpServletRequest request,
                                        HttpServletResponse response,
                                        Object handler) {
                                    Matcher page = SEAT_PAGE.matcher(request.getRequestURI());
                                    if (!page.matches() || !request.getMethod().equals("GET")) {
                                        return true;
                                    }
                                    long id = Long.parseLong(page.group(1));
                                    if (guard.mayShop(id, request)) {
                                        return true;
                                    }
                                    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                                    response.setHeader(
                                            "Location", "/performances/" + id + "/queue");
                                    return false;
                                }

                                /**
                                 * Tells the seat page (data-protected) that its holds need proofs,
                                 * so it brings them with the first hold instead of learning it from
                                 * a refusal.
                                 */
                                @Override
                                public void postHandle(
                                        HttpServletRequest request,
                                        HttpServletResponse response,
                                        Object handler,
                                        ModelAndView page) {
                                    Matcher path = SEAT_PAGE.matcher(request.getRequestURI());
                                    if (page != null
                                            && path.matches()
                                            && guard.needsProofs(Long.parseLong(path.group(1)))) {
                                        page.addObject("saleProtected", true);
                                    }
                                }
                            })
                    .addPathPatterns("/performances/*");
        }
    }
}
