package sfa.lab.opcua;

import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.jspecify.annotations.Nullable;

/**
 * Java callback for client writes to a variable's Value.
 *
 * <p>Milo 1.1.2 call path: DefaultAttributeServiceSet.onWrite -> AccessController.checkWriteAccess
 * (UserAccessLevel) -> AttributeWriter (AccessLevel, data type, value rank checks) ->
 * UaNode.writeAttribute -> filter chain {@code writeAttribute(..)} -> DefaultAttributeFilter.setAttribute.
 * Internal updates from Java (UaVariableNode.setValue) use {@code setAttribute(..)} and do NOT pass here,
 * so the hook only sees client writes.
 *
 * <p>Throw a UaException (e.g. Bad_OutOfRange) from the callback to reject the write; the client receives
 * that StatusCode. If the callback returns normally the value is stored (subscribers get a data change).
 */
@FunctionalInterface
public interface WriteHook {

    void onWrite(@Nullable Session session, Variant value) throws UaException;

    /** Wraps this hook into an AttributeFilter to be added to the variable's filter chain. */
    default AttributeFilter asFilter() {
        WriteHook hook = this;
        return new AttributeFilter() {
            @Override
            public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value)
                throws UaException {

                if (attributeId == AttributeId.Value) {
                    hook.onWrite(ctx.getSession().orElse(null), ((DataValue) value).getValue());
                }
                ctx.writeAttribute(attributeId, value); // continue the chain -> value is stored
            }
        };
    }
}
