package dev.fengyun.identity.web;

import dev.fengyun.identity.CurrentAccount;
import dev.fengyun.identity.IdentityManagement;
import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's entry (the organizers you belong to) and the team page. */
@Controller
class ConsolePages {

    private final IdentityManagement identity;

    ConsolePages(IdentityManagement identity) {
        this.identity = identity;
    }

    @GetMapping("/console")
    String organizers(@AuthenticationPrincipal CurrentAccount account, Model model) {
        model.addAttribute("memberships", identity.memberships(account));
        return "identity/console";
    }

    @GetMapping("/console/{org}/team")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    String team(OrganizerContext org, Model model) {
        model.addAttribute("org", org);
        model.addAttribute("members", identity.members(org.organizerId()));
        model.addAttribute("roles", OrganizerRole.values());
        return "identity/team";
    }
}
