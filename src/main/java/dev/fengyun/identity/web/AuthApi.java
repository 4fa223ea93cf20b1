package dev.fengyun.identity.web;

import dev.fengyun.identity.ApiTokenInfo;
import dev.fengyun.identity.CurrentAccount;
import dev.fengyun.identity.EmailVerification;
import dev.fengyun.identity.IdentityManagement;
import dev.fengyun.identity.IssuedToken;
import dev.fengyun.identity.Membership;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up, API tokens and "who am I" for API clients. */
@RestController
@Tag(name = "Accounts and tokens")
class AuthApi {

    private final IdentityManagement identity;
    private final EmailVerification verification;

    AuthApi(IdentityManagement identity, EmailVerification verification) {
        this.identity = identity;
        this.verification = verification;
    }

    @PostMapping("/api/v1/me/email-verification")
    @Operation(
            summary =
                    "Send a six-digit code to the account's e-mail address (valid 15 minutes; at most one a minute)")
    ResponseEntity<EmailVerification.Sent> requestVerification(
            @AuthenticationPrincipal CurrentAccount account) {
        return ResponseEntity.accepted().body(verification.request(account.id()));
    }

    record ConfirmRequest(@NotBlank @Size(max = 20) String code) {}

    @PostMapping("/api/v1/me/email-verification/confirm")
    @Operation(summary = "Confirm the e-mail address with the code it received (five tries)")
    AccountView confirmVerification(
            @AuthenticationPrincipal CurrentAccount account,
            @Valid @RequestBody ConfirmRequest request) {
        verification.confirm(account.id(), request.code());
        return AccountView.of(account, identity.memberships(account), true);
    }

    @PostMapping("/api/v1/auth/register")
    @Operation(summary = "Create a buyer account")
    ResponseEntity<AccountView> register(@Valid @RequestBody RegisterRequest request) {
        CurrentAccount account =
                identity.register(request.email(), request.password(), request.name());
        return ResponseEntity.created(URI.create("/api/v1/me"))
                .body(AccountView.of(account, List.of(), false));
    }

    @PostMapping("/api/v1/auth/tokens")
    @Operation(
            summary =
                    "Exchange e-mail and password for an API token (sent as Authorization: Bearer)")
    ResponseEntity<TokenView> issueToken(@Valid @RequestBody TokenRequest request) {
        int days = request.days() == null ? 30 : request.days();
        IssuedToken token =
                identity.issueToken(
                        request.email(), request.password(), request.name(), Duration.ofDays(days));
        return ResponseEntity.status(201)
                .body(new TokenView(token.id(), token.token(), token.expiresAt()));
    }

    @GetMapping("/api/v1/auth/tokens")
    @Operation(summary = "List your API tokens (never their values)")
    ItemsView<ApiTokenInfo> tokens(@AuthenticationPrincipal CurrentAccount account) {
        return new ItemsView<>(identity.tokens(account));
    }

    @DeleteMapping("/api/v1/auth/tokens/{id}")
    @Operation(summary = "Revoke one of your API tokens")
    ResponseEntity<Void> revoke(
            @AuthenticationPrincipal CurrentAccount account, @PathVariable String id) {
        identity.revokeToken(account, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The calling account and the organizers it belongs to")
    AccountView me(@AuthenticationPrincipal CurrentAccount account) {
        return AccountView.of(
                account, identity.memberships(account), verification.verified(account.id()));
    }

    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = IdentityManagement.MIN_PASSWORD_LENGTH, max = 128)
                    String password,
            @NotBlank @Size(max = 100) String name) {}

    record TokenRequest(
            @NotBlank String email,
            @NotBlank String password,
            @Size(max = 100) String name,
            @Min(1) @Max(365) Integer days) {}

    record TokenView(String id, String token, Instant expiresAt) {}

    record AccountView(
            long id,
            String email,
            String name,
            boolean emailVerified,
            boolean platformAdmin,
            List<OrganizerRoleView> organizers) {
        static AccountView of(
                CurrentAccount account, List<Membership> memberships, boolean emailVerified) {
            return new AccountView(
                    account.id(),
                    account.email(),
                    account.displayName(),
                    emailVerified,
                    account.platformAdmin(),
                    memberships.stream()
                            .map(
                                    m ->
                                            new OrganizerRoleView(
                                                    m.organizer().slug(),
                                                    m.organizer().name(),
                                                    m.role().name()))
                            .toList());
        }
    }

    record OrganizerRoleView(String id, String name, String role) {}
}
