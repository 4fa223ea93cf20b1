package dev.fengyun.messaging.web;

import dev.fengyun.identity.OrganizerContext;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.identity.RequiresOrganizerRole;
import dev.fengyun.messaging.MailDelivery;
import dev.fengyun.messaging.Messaging;
import dev.fengyun.ordering.OrderDesk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The e-mail sent about an order and how its delivery went, for the organizer's staff. */
@RestController
@RequestMapping("/api/v1/organizers/{org}")
@Tag(name = "Orders (organizer)")
class OrderMessagesApi {

    private final OrderDesk desk;
    private final Messaging messaging;

    OrderMessagesApi(OrderDesk desk, Messaging messaging) {
        this.desk = desk;
        this.messaging = messaging;
    }

    @GetMapping("/orders/{code}/messages")
    @RequiresOrganizerRole(OrganizerRole.BOX_OFFICE)
    @Operation(
            summary =
                    "E-mail about the order: kind, recipient, PENDING / SENT / FAILED, attempts, last error")
    Messages messages(OrganizerContext org, @PathVariable String code) {
        return new Messages(messaging.ofOrder(desk.order(org.organizerId(), code).id()));
    }

    record Messages(List<MailDelivery> items) {}
}
