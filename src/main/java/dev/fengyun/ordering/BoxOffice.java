package dev.fengyun.ordering;

import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.Storefront;
import dev.fengyun.inventory.Hold;
import dev.fengyun.inventory.HoldRequest;
import dev.fengyun.inventory.InventoryManagement;
import dev.fengyun.ordering.internal.Orders;
import dev.fengyun.payment.PaymentManagement;
import dev.fengyun.platform.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Selling at the box office in one step: the seats or places are held, ordered and recorded as paid
 * (cash or card at the desk), and the tickets issued at once.
 */
@Service
public class BoxOffice {

    private final Storefront storefront;
    private final InventoryManagement inventory;
    private final Checkout checkout;
    private final PaymentManagement payments;
    private final Orders orders;
    private final TransactionTemplate transactions;

    BoxOffice(
            Storefront storefront,
            InventoryManagement inventory,
            Checkout checkout,
            PaymentManagement payments,
            Orders orders,
            TransactionTemplate transactions) {
        this.storefront = storefront;
        this.inventory = inventory;
        this.checkout = checkout;
        this.payments = payments;
        this.orders = orders;
        this.transactions = transactions;
    }

    /**
     * Holds, orders and marks paid. Box-office sales ignore the online sale window and the
     * per-buyer limit, but not availability. If ordering fails, the hold is released again.
     */
    public PlacedOrder sell(long organizerId, HoldRequest request, Buyer buyer, String actor) {
        Performance performance =
                storefront
                        .saleTerms(request.performanceId())
                        .filter(p -> p.organizerId() == organizerId)
                        .orElseThrow(
                                () ->
                                        new NotFound(
                                                "PERFORMANCE_NOT_FOUND",
                                                "No performance " + request.performanceId() + "."));
        Hold hold = inventory.hold(request, true);
        try {
            return transactions.execute(
                    status -> {
                        PlacedOrder placed =
                                checkout.create(
                                        performance,
                                        hold,
                                        buyer,
                                        SalesChannel.BOX_OFFICE,
                                        "offline",
                                        null,
                                        actor);
                        if (placed.order().status() == OrderStatus.PENDING_PAYMENT) {
                            payments.confirmOffline(placed.payment().code(), actor);
                        }
                        return new PlacedOrder(
                                orders.find(placed.order().id()).orElseThrow(),
                                placed.accessToken(),
                                placed.payment());
                    });
        } catch (RuntimeException e) {
            inventory.release(hold.code());
            throw e;
        }
    }
}
