package sfa.lab.opcua;

import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;

/**
 * Returns the Korean or English Description depending on the client's session locale ids
 * (OpcUaClientConfigBuilder.setSessionLocaleIds(new String[]{"ko"})). Falls back to English.
 * A node's Description attribute is a single LocalizedText, so multi-language needs a filter like this.
 */
public record LocalizedDescriptionFilter(LocalizedText ko, LocalizedText en) implements AttributeFilter {

    public static LocalizedDescriptionFilter of(String ko, String en) {
        return new LocalizedDescriptionFilter(new LocalizedText("ko", ko), new LocalizedText("en", en));
    }

    @Override
    public Object getAttribute(AttributeFilterContext ctx, AttributeId attributeId) {
        if (attributeId == AttributeId.Description) {
            String[] locales = ctx.getSession().map(Session::getLocaleIds).orElse(null);
            if (locales != null) {
                for (String l : locales) {
                    if (l != null && l.toLowerCase().startsWith("ko")) return ko;
                    if (l != null && l.toLowerCase().startsWith("en")) return en;
                }
            }
            return en;
        }
        return ctx.getAttribute(attributeId);
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
