package dev.fengyun.inventory.web;

import dev.fengyun.catalog.Storefront;
import dev.fengyun.inventory.InventoryManagement;
import dev.fengyun.inventory.SeatMap;
import dev.fengyun.inventory.internal.SeatMaps;
import dev.fengyun.platform.NotFound;
import dev.fengyun.platform.PublicResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The live seat statuses of a performance, polled by every buyer's seat map. */
@RestController
@Tag(name = "Public catalog")
class PublicSeatsApi {

    /** Shared caches may keep it for a second; browsers revalidate with the ETag. */
    private static final String CACHE_CONTROL = "public, max-age=0, s-maxage=1, must-revalidate";

    private final InventoryManagement inventory;
    private final Storefront storefront;

    PublicSeatsApi(InventoryManagement inventory, Storefront storefront) {
        this.inventory = inventory;
        this.storefront = storefront;
    }

    @GetMapping("/api/v1/public/performances/{id}/seats")
    @Operation(
            summary =
                    "Seats of a performance with AVAILABLE/UNAVAILABLE, cached briefly (ETag),"
                            + " gzip-compressed when the client accepts it")
    ResponseEntity<byte[]> seats(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            HttpServletRequest request) {
        if (storefront.saleTerms(id).isEmpty()) {
            throw new NotFound("PERFORMANCE_NOT_FOUND", "No performance " + id + ".");
        }
        SeatMap seatMap = inventory.seatMap(id);
        if (seatMap.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(seatMap.etag())
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                    .build();
        }
        PublicResponses.share(request, SeatMaps.TTL);
        ResponseEntity.BodyBuilder ok =
                ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .eTag(seatMap.etag())
                        .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (PublicResponses.acceptsGzip(request)) {
            return ok.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(seatMap.gzipped());
        }
        return ok.body(seatMap.json());
    }
}
