package dev.fengyun.checkin.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gate scanner for phones at {@code /scan}. After its first load it works without a network: a
 * service worker keeps the page, and the list's offline pack lets it verify signatures itself.
 */
@Controller
class ScanPage {

    private static final List<String> MESSAGES =
            List.of(
                    "OK",
                    "ALREADY_CHECKED_IN",
                    "INVALID",
                    "REVOKED",
                    "WRONG_PERFORMANCE",
                    "NOT_YET_VALID",
                    "EXPIRED",
                    "UNPAID",
                    "NEEDS_NETWORK");

    private final MessageSource messages;
    private final JsonMapper json;

    ScanPage(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/scan")
    String scan(Model model, Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String result : MESSAGES) {
            texts.put(result, messages.getMessage("scan.result." + result, null, locale));
        }
        for (String key : List.of("online", "offline", "packAt", "verifiedOffline")) {
            texts.put(key, messages.getMessage("scan." + key, null, locale));
        }
        model.addAttribute("messages", json.writeValueAsString(texts));
        return "checkin/scan";
    }
}
