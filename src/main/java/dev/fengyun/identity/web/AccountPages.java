package dev.fengyun.identity.web;

import dev.fengyun.identity.CurrentAccount;
import dev.fengyun.identity.EmailAlreadyRegistered;
import dev.fengyun.identity.IdentityManagement;
import dev.fengyun.platform.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The sign-in and sign-up pages. */
@Controller
class AccountPages {

    private final IdentityManagement identity;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountPages(IdentityManagement identity) {
        this.identity = identity;
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
        return "redirect:/";
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
