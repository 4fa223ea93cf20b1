package dev.fengyun.reporting.web;

import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.reporting.Dashboard;
import dev.fengyun.reporting.ReportingManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The organizer's dashboard: sales today and in total, sell-through, the last 30 days. */
@Controller
class DashboardPage {

    private final ReportingManagement reporting;

    DashboardPage(ReportingManagement reporting) {
        this.reporting = reporting;
    }

    @GetMapping("/console/{org}")
    @RequiresOrganizerRole(OrganizerRole.MANAGER)
    String dashboard(OrganizerContext org, Model model) {
        Dashboard dashboard = reporting.dashboard(org.organizerId());
        model.addAttribute("org", org);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute(
                "maxTickets",
                Math.max(
                        1,
                        dashboard.days().stream()
                                .mapToLong(Dashboard.Day::tickets)
                                .max()
                                .orElse(1)));
        return "reporting/dashboard";
    }
}
