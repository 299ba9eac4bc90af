package sfa.lab.opcua;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.structured.RolePermissionType;

/**
 * Derives the per-session "User*" attributes from the node's static RolePermissions attribute and the
 * session's role ids (supplied by the server's {@link org.eclipse.milo.opcua.sdk.server.RoleMapper}).
 *
 * <p>Why this is needed in Milo 1.1.2: the (non-replaceable) DefaultAccessController decides purely on the
 * attributes it reads *with the caller's session*:
 * <ul>
 *   <li>Browse  -> UserRolePermissions must contain one of the session's roles with Browse</li>
 *   <li>Read (Value)  -> UserAccessLevel must contain CurrentRead  (RolePermissions are NOT consulted!)</li>
 *   <li>Write (Value) -> UserAccessLevel must contain CurrentWrite (RolePermissions are NOT consulted!)</li>
 *   <li>Call  -> object and method UserRolePermissions must contain Call, and method UserExecutable == true</li>
 * </ul>
 * Milo stores UserAccessLevel / UserExecutable / UserRolePermissions as plain per-node values, so without a
 * filter every session sees the same values. This filter computes them per session.
 *
 * <p>Internal reads (no session, e.g. the SubscriptionModel sampling) are not restricted.
 * Nodes without RolePermissions (null) are not restricted either.
 */
public final class RoleAccessFilter implements AttributeFilter {

    public static final RoleAccessFilter INSTANCE = new RoleAccessFilter();

    private RoleAccessFilter() {}

    @Override
    public Object getAttribute(AttributeFilterContext ctx, AttributeId attributeId) {
        Optional<Session> session = ctx.getSession();
        UaNode node = ctx.getNode();

        // Check the session FIRST: node.getRolePermissions()/getAttribute(..) below go through this same
        // filter chain again (without a session) -> without this early exit: StackOverflowError.
        if (session.isEmpty()) {
            return ctx.getAttribute(attributeId);
        }

        // NOTE: read other attributes via node getters (internal, session-less), NOT ctx.getAttribute(..):
        // ctx.getAttribute advances the context's single filter iterator, so it must be called at most once.
        RolePermissionType[] rolePermissions = node.getRolePermissions();
        if (rolePermissions == null) {
            return ctx.getAttribute(attributeId);
        }

        List<NodeId> roleIds = session.get().getRoleIds().orElse(List.of());
        RolePermissionType[] mine = Stream.of(rolePermissions)
            .filter(rp -> roleIds.contains(rp.getRoleId()))
            .toArray(RolePermissionType[]::new);

        return switch (attributeId) {
            case UserRolePermissions -> mine;

            case UserAccessLevel -> {
                Object raw = node.getAttribute(AttributeId.AccessLevel);
                EnumSet<AccessLevel> levels = raw instanceof UByte b ? AccessLevel.fromValue(b)
                    : EnumSet.noneOf(AccessLevel.class);
                boolean canRead = Stream.of(mine).anyMatch(rp -> rp.getPermissions().getRead());
                boolean canWrite = Stream.of(mine).anyMatch(rp -> rp.getPermissions().getWrite());
                if (!canRead) levels.removeAll(Set.of(AccessLevel.CurrentRead, AccessLevel.HistoryRead));
                if (!canWrite) levels.removeAll(Set.of(AccessLevel.CurrentWrite, AccessLevel.HistoryWrite,
                    AccessLevel.StatusWrite, AccessLevel.TimestampWrite));
                yield AccessLevel.toValue(levels);
            }

            case UserExecutable -> {
                boolean executable = Boolean.TRUE.equals(node.getAttribute(AttributeId.Executable));
                yield executable && Stream.of(mine).anyMatch(rp -> rp.getPermissions().getCall());
            }

            case UserWriteMask -> mine.length > 0 ? ctx.getAttribute(attributeId)
                : org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint(0);

            default -> ctx.getAttribute(attributeId);
        };
    }

    /**
     * PITFALL (Milo 1.1.2): AttributeFilter's default writeAttribute() calls setAttribute(), and the default
     * setAttribute() continues with ctx.setAttribute() -> every filter AFTER this one would only see
     * setAttribute, never writeAttribute. Forward writeAttribute explicitly so write hooks further down work.
     */
    @Override
    public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value)
        throws org.eclipse.milo.opcua.stack.core.UaException {
        ctx.writeAttribute(attributeId, value);
    }
}
