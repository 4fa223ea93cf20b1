package dev.fengyun.identity.web;

import dev.fengyun.identity.CurrentAccount;
import dev.fengyun.identity.EmailAlreadyRegistered;
import dev.fengyun.identity.EmailVerification;
import dev.fengyun.identity.IdentityManagement;
import dev.fengyun.platform.InvalidInput;
import dev.fengyun.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in and sign-up pages. */
@Controller
class AccountPages {

    private final IdentityManagement identity;
    private final EmailVerification verification;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountPages(IdentityManagement identity, EmailVerification verification) {
        this.identity = identity;
        this.verification = verification;
    }

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }

    @GetMapping("/signup")
    String signupForm(@ModelAttribute("form") SignupForm form) {
        return "identity/signup";
    }

    @PostMapping("/signup")
    String signup(
            @Valid @ModelAttribute("form") SignupForm form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (errors.hasErrors()) {
            return "identity/signup";
        }
        CurrentAccount account;
        try {
            account = identity.register(form.email(), form.password(), form.name());
        } catch (EmailAlreadyRegistered e) {
            errors.rejectValue("email", "signup.emailTaken");
            return "identity/signup";
        } catch (InvalidInput e) {
            e.errors()
                    .forEach(
                            error ->
                                    errors.rejectValue(
                                            error.field(), error.code(), error.message()));
            return "identity/signup";
        }
        signIn(account, request, response);
        verification.request(account.id());
        return "redirect:/me/verify-email";
    }

    /** Where a buyer proves their e-mail address with the code sent there. */
    @GetMapping("/me/verify-email")
    String verifyForm(@AuthenticationPrincipal CurrentAccount account, Model model) {
        if (account == null) {
            return "redirect:/login";
        }
        model.addAttribute("email", account.email());
        model.addAttribute("verified", verification.verified(account.id()));
        return "identity/verify-email";
    }

    @PostMapping("/me/verify-email")
    String verify(
            @AuthenticationPrincipal CurrentAccount account,
            @RequestParam(defaultValue = "") String code,
            Model model) {
        if (account == null) {
            return "redirect:/login";
        }
        try {
            verification.confirm(account.id(), code);
        } catch (InvalidInput e) {
            model.addAttribute("error", e.errors().get(0).code());
        }
        return verifyForm(account, model);
    }

    @PostMapping("/me/verify-email/resend")
    String resend(@AuthenticationPrincipal CurrentAccount account, Model model) {
        if (account == null) {
            return "redirect:/login";
        }
        try {
            verification.request(account.id());
            model.addAttribute("resent", true);
        } catch (ProblemException e) {
            model.addAttribute("error", e.code());
        }
        return verifyForm(account, model);
    }

    /** Starts a session for the new account, as a successful sign-in would. */
    private void signIn(
            CurrentAccount account, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(
                        account, null, List.of(new SimpleGrantedAuthority("ROLE_USER"))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    record SignupForm(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = IdentityManagement.MIN_PASSWORD_LENGTH, max = 128)
                    String password) {}
}
