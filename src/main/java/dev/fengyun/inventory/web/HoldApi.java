package dev.fengyun.inventory.web;

import dev.fengyun.catalog.Performance;
import dev.fengyun.catalog.Storefront;
import dev.fengyun.catalog.Zone;
import dev.fengyun.inventory.HeldUnit;
import dev.fengyun.inventory.Hold;
import dev.fengyun.inventory.HoldRequest;
import dev.fengyun.inventory.InventoryManagement;
import dev.fengyun.platform.Money;
import dev.fengyun.protection.SaleGuard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Buyers hold seats or places for a few minutes before ordering them. */
@RestController
@Tag(name = "Holds")
class HoldApi {

    private final InventoryManagement inventory;
    private final Storefront storefront;
    private final SaleGuard guard;

    HoldApi(InventoryManagement inventory, Storefront storefront, SaleGuard guard) {
        this.inventory = inventory;
        this.storefront = storefront;
        this.guard = guard;
    }

    @PostMapping("/api/v1/holds")
    @Operation(
            summary = "Hold chosen seats (all or nothing) or a quantity of a zone (best available)",
            description =
                    "A protected sale (GET /api/v1/performances/{id}/protection) also needs the"
                            + " headers Fengyun-Admission and Fengyun-Queue (waiting room) and"
                            + " Fengyun-Challenge (proof of work); see docs/on-sale-protection.md.")
    ResponseEntity<HoldView> hold(
            @Valid @RequestBody HoldBody body,
            @Parameter(hidden = true) HttpServletRequest request) {
        // A protected sale's door (verified account, admission, challenge) before any seat work.
        guard.checkHold(body.performanceId(), request);
        Hold hold =
                inventory.hold(
                        new HoldRequest(
                                body.performanceId(),
                                body.seatIds(),
                                body.zoneId(),
                                body.quantity()),
                        false);
        Performance performance = storefront.saleTerms(hold.performanceId()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/holds/" + hold.code()))
                .body(HoldView.of(hold, performance));
    }

    @GetMapping("/api/v1/holds/{id}")
    @Operation(summary = "A hold's status (ACTIVE, EXPIRED, RELEASED, ORDERED) and expiry")
    StatusView status(@PathVariable String id) {
        Hold hold = inventory.find(id);
        return new StatusView(
                hold.code(),
                hold.performanceId(),
                hold.status(),
                hold.quantity(),
                hold.expiresAt());
    }

    @DeleteMapping("/api/v1/holds/{id}")
    @Operation(summary = "Release a hold at once, so its seats can be held again")
    ResponseEntity<Void> release(@PathVariable String id) {
        inventory.release(id);
        return ResponseEntity.noContent().build();
    }

    record HoldBody(
            @NotNull Long performanceId,
            @Size(max = 100) List<@NotBlank String> seatIds,
            Long zoneId,
            @Min(1) @Max(100) Integer quantity) {}

    record HoldView(
            String id, long performanceId, Instant expiresAt, List<ItemView> items, Money total) {
        static HoldView of(Hold hold, Performance performance) {
            List<ItemView> items =
                    hold.units().stream()
                            .map(u -> ItemView.of(u, performance.zone(u.zoneId())))
                            .toList();
            Money total = Money.zero(performance.currency());
            for (ItemView item : items) {
                total = total.plus(item.price());
            }
            return new HoldView(hold.code(), hold.performanceId(), hold.expiresAt(), items, total);
        }
    }

    record ItemView(
            long unitId, String seatId, SeatView seat, long zoneId, String zone, Money price) {
        static ItemView of(HeldUnit unit, Zone zone) {
            SeatView seat =
                    unit.seatId() == null
                            ? null
                            : new SeatView(
                                    unit.block(), unit.row(), unit.number(), unit.seatLabel());
            return new ItemView(
                    unit.unitId(), unit.seatId(), seat, unit.zoneId(), zone.name(), zone.price());
        }
    }

    record SeatView(String block, String row, String number, String label) {}

    record StatusView(
            String id, long performanceId, String status, int quantity, Instant expiresAt) {}
}
