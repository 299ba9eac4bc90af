package sfa.lab.opcua;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * Namespace "urn:smart-factory-academy:labs" with the folder Objects/Labs. Lab sessions (Labs/&lt;sessionId&gt;/...) are added and
 * removed at runtime via {@link #addSession} / {@link #removeSession}.
 *
 * <p>Milo 1.1.2 pattern: extend ManagedNamespaceWithLifecycle (registers the namespace URI in the constructor,
 * registers the address-space fragment + node manager on {@link #startup()}), and forward the monitored-item
 * callbacks to a {@link SubscriptionModel}, which samples node values at each item's sampling interval.
 * NOTE: the server does NOT start custom namespaces; call {@code namespace.startup()} yourself.
 */
public final class LabNamespace extends ManagedNamespaceWithLifecycle {

    public static final String NAMESPACE_URI = "urn:smart-factory-academy:labs";

    private final SubscriptionModel subscriptionModel;
    private final Map<String, SessionNodes> sessions = new ConcurrentHashMap<>();
    private volatile UaFolderNode labsFolder;

    public LabNamespace(OpcUaServer server) {
        super(server, NAMESPACE_URI);

        subscriptionModel = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptionModel);
        getLifecycleManager().addStartupTask(this::createLabsFolder);
        getLifecycleManager().addShutdownTask(() -> List.copyOf(sessions.keySet()).forEach(this::removeSession));
    }

    private void createLabsFolder() {
        labsFolder = new UaFolderNode(getNodeContext(), newNodeId("Labs"), newQualifiedName("Labs"),
            LocalizedText.english("Labs"));
        getNodeManager().addNode(labsFolder);
        // Objects --Organizes--> Labs (inverse reference so the ns0 Objects folder lists it)
        labsFolder.addReference(new Reference(labsFolder.getNodeId(), NodeIds.Organizes,
            NodeIds.ObjectsFolder.expanded(), false));
    }

    /** Role id used in RolePermissions; the RoleMapper maps a user (a session id) to this NodeId. */
    public NodeId roleIdForUser(String username) {
        return newNodeId("Role/" + username);
    }

    public NodeId labsFolderId() {
        return labsFolder.getNodeId();
    }

    /**
     * Adds the subtree Labs/&lt;sessionId&gt; owned by {@code ownerUser}. Only sessions whose RoleMapper roles
     * contain {@link #roleIdForUser(String) roleIdForUser(ownerUser)} can browse/read/write/call inside it.
     */
    public SessionNodes addSession(String sessionId, String ownerUser) {
        var session = new SessionNodes(this, sessionId, roleIdForUser(ownerUser));
        if (sessions.putIfAbsent(sessionId, session) != null) {
            throw new IllegalStateException("session exists: " + sessionId);
        }
        session.create(labsFolder);
        return session;
    }

    /** Removes the subtree Labs/&lt;sessionId&gt; (all nodes and references). */
    public boolean removeSession(String sessionId) {
        SessionNodes session = sessions.remove(sessionId);
        if (session == null) return false;
        session.delete(labsFolder);
        return true;
    }

    public Optional<SessionNodes> getSession(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    // package-private access for SessionNodes (these are protected in ManagedNamespace)
    NodeId nodeId(String id) {
        return newNodeId(id);
    }

    org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName qualifiedName(String name) {
        return newQualifiedName(name);
    }

    // --- monitored items -> SubscriptionModel (sampling) ---

    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsCreated(dataItems);
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsModified(dataItems);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsDeleted(dataItems);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
        subscriptionModel.onMonitoringModeChanged(monitoredItems);
    }
}
