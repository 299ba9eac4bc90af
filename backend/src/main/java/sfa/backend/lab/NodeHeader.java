package sfa.backend.lab;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On a cluster every answer names the node that gave it ({@code X-SFA-Node}): what an IT teacher checks when a
 * proxy's routing is in doubt, and what the cluster test reads.
 */
@Component
class NodeHeader extends OncePerRequestFilter {

    private final LabNodes nodes;

    NodeHeader(LabNodes nodes) {
        this.nodes = nodes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (nodes.inCluster()) {
            response.setHeader("X-SFA-Node", nodes.me());
        }
        chain.doFilter(request, response);
    }
}
