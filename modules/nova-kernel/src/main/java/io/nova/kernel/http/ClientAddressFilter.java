package io.nova.kernel.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/** Resolves the client's address once per request, for {@link ClientAddresses#of} to read anywhere after. */
public final class ClientAddressFilter implements Filter {

    private final ClientAddresses addresses;

    public ClientAddressFilter(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        http.setAttribute(ClientAddresses.ATTRIBUTE, addresses.resolve(http.getRemoteAddr(),
                http.getHeader("X-Real-IP"), http.getHeader("X-Forwarded-For")));
        chain.doFilter(request, response);
    }
}
