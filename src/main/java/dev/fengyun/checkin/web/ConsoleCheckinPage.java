package dev.fengyun.checkin.web;

import dev.fengyun.catalog.CatalogManagement;
import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.PerformanceStatus;
import dev.fengyun.catalog.Storefront;
import dev.fengyun.checkin.CheckinList;
import dev.fengyun.checkin.CheckinManagement;
import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's check-in lists with live counts, and new lists. */
@Controller
class ConsoleCheckinPage {

    private final CheckinManagement checkin;
    private final CatalogManagement catalog;
    private final Storefront storefront;

    ConsoleCheckinPage(
            CheckinManagement checkin, CatalogManagement catalog, Storefront storefront) {
        this.checkin = checkin;
        this.catalog = catalog;
        this.storefront = storefront;
    }

    @GetMapping("/console/{org}/checkin")
    @RequiresOrganizerRole(OrganizerRole.SCANNER)
    String lists(
            OrganizerContext org, @RequestParam(required = false) Long performanceId, Model model) {
        List<Performance> performances =
                catalog.performances(org.organizerId(), null).stream()
                        .filter(p -> p.status() != PerformanceStatus.DRAFT)
                        .toList();
        Map<Long, Performance> byId =
                performances.stream()
                        .collect(Collectors.toMap(Performance::id, Function.identity()));
        List<CheckinList> lists = checkin.lists(org.organizerId(), performanceId);
        Performance chosen =
                performanceId != null
                        ? byId.get(performanceId)
                        : performances.isEmpty() ? null : performances.get(0);
        model.addAttribute("org", org);
        model.addAttribute("lists", lists);
        model.addAttribute("performances", byId);
        model.addAttribute("chosen", chosen);
        model.addAttribute(
                "zones",
                performances.stream()
                        .collect(
                                Collectors.toMap(
                                        Performance::id,
                                        p -> storefront.performance(p.id()).venue().timeZone())));
        model.addAttribute(
                "titles",
                performances.stream()
                        .map(Performance::eventId)
                        .distinct()
                        .collect(
                                Collectors.toMap(
                                        id -> id,
                                        id -> catalog.event(org.organizerId(), id).title())));
        return "checkin/console";
    }
}
