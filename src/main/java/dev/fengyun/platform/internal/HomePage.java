package dev.fengyun.platform.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page: what this service is and where to go next. */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
