package dev.fengyun.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Pager links keep every filter of the list and change only the page. */
class PageLinksTests {

    @AfterEach
    void forget() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void onlyThePageChanges() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console/acme/orders");
        request.setQueryString("q=li%20lei&status=PAID&page=2");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        assertThat(new PageLinks().to(3))
                .isEqualTo("http://localhost/console/acme/orders?q=li%20lei&status=PAID&page=3");
    }

    @Test
    void aFirstPageWithoutPageParameterGetsOne() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setQueryString("city=%E6%9D%AD%E5%B7%9E");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        assertThat(new PageLinks().to(2))
                .isEqualTo("http://localhost/?city=%E6%9D%AD%E5%B7%9E&page=2");
    }
}
