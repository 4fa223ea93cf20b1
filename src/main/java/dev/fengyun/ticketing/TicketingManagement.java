package dev.fengyun.ticketing;

import dev.fengyun.platform.RandomCodes;
import dev.fengyun.ticketing.internal.Tickets;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The ticketing module's entry point: issuing, revoking and reading e-tickets. */
@Service
public class TicketingManagement {

    private final Tickets tickets;

    TicketingManagement(Tickets tickets) {
        this.tickets = tickets;
    }

    /** Issues one ticket per item, in the caller's (order-paid) transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void issue(List<NewTicket> newTickets) {
        if (!newTickets.isEmpty()) {
            tickets.insert(newTickets.stream().map(t -> RandomCodes.code(16)).toList(), newTickets);
        }
    }

    /** Revokes the tickets of these order items (refunded); returns how many were valid. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int revokeForItems(Collection<Long> orderItemIds) {
        return tickets.revokeItems(orderItemIds);
    }

    public List<Ticket> ofOrder(long orderId) {
        return tickets.ofOrder(orderId);
    }
}
