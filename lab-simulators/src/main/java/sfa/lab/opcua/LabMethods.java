package sfa.lab.opcua;

import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** Minimal method handlers (Milo 1.1.2: extend AbstractMethodInvocationHandler, see SqrtMethod example). */
public final class LabMethods {

    private LabMethods() {}

    /** No inputs, no outputs; runs {@code action} with the calling session. */
    public static AbstractMethodInvocationHandler noArgs(UaMethodNode node, Consumer<Session> action) {
        return new AbstractMethodInvocationHandler(node) {
            @Override
            public Argument[] getInputArguments() {
                return new Argument[0];
            }

            @Override
            public Argument[] getOutputArguments() {
                return new Argument[0];
            }

            @Override
            protected Variant[] invoke(InvocationContext ctx, Variant[] inputs) {
                action.accept(ctx.getSession().orElse(null));
                return new Variant[0];
            }
        };
    }

    /** No inputs, one String output named {@code outputName}. */
    public static AbstractMethodInvocationHandler stringResult(
        UaMethodNode node, String outputName, BiFunction<Session, InvocationContextView, String> fn) {

        Argument out = new Argument(outputName, NodeIds.String, -1, null, LocalizedText.english(outputName));
        return new AbstractMethodInvocationHandler(node) {
            @Override
            public Argument[] getInputArguments() {
                return new Argument[0];
            }

            @Override
            public Argument[] getOutputArguments() {
                return new Argument[]{out};
            }

            @Override
            protected Variant[] invoke(InvocationContext ctx, Variant[] inputs) {
                String r = fn.apply(ctx.getSession().orElse(null), new InvocationContextView(ctx.getObjectId().toParseableString()));
                return new Variant[]{new Variant(r)};
            }
        };
    }

    public record InvocationContextView(String objectId) {}
}
