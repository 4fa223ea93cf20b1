package dev.fengyun.checkin.web;

import dev.fengyun.platform.ClientMessages;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The gate scanner for phones at {@code /scan}. After its first load it works without a network: a
 * service worker keeps the page, and the list's offline pack lets it verify signatures itself.
 */
@Controller
class ScanPage {

    private static final List<String> TEXTS =
            List.of(
                    "result.OK",
                    "result.ALREADY_CHECKED_IN",
                    "result.INVALID",
                    "result.REVOKED",
                    "result.WRONG_PERFORMANCE",
                    "result.NOT_YET_VALID",
                    "result.EXPIRED",
                    "result.UNPAID",
                    "result.NEEDS_NETWORK",
                    "online",
                    "offline",
                    "packAt",
                    "verifiedOffline");

    private final ClientMessages messages;

    ScanPage(ClientMessages messages) {
        this.messages = messages;
    }

    @GetMapping("/scan")
    String scan(Model model, Locale locale) {
        model.addAttribute("messages", messages.json(locale, "scan.", TEXTS));
        return "checkin/scan";
    }
}
