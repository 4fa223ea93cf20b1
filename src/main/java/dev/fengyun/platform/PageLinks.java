package dev.fengyun.platform;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links to other pages of a paged list, for templates ({@code ${@pageLinks.to(3)}}): the current
 * request's path and query with only {@code page} changed, so every filter is kept.
 */
@Component("pageLinks")
public class PageLinks {

    public String to(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page)
                .build()
                .toUriString();
    }
}
