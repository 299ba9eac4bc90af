package sfa.lab.opcua;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.PermissionType;
import org.eclipse.milo.opcua.stack.core.types.structured.RolePermissionType;
import org.jspecify.annotations.Nullable;

/**
 * One lab session subtree Labs/&lt;sessionId&gt;/... . All nodes get RolePermissions = [(ownerRole, ...)] and the
 * {@link RoleAccessFilter}, so only the owner's sessions can see/use them.
 *
 * <p>NodeIds are strings "Labs/&lt;sessionId&gt;/&lt;relative path&gt;" in the lab namespace.
 */
public final class SessionNodes {

    /** Full permissions for the owner role (browse, read, write, call, read role permissions, events). */
    static final PermissionType OWNER_PERMISSIONS = PermissionType.of(
        PermissionType.Field.Browse, PermissionType.Field.ReadRolePermissions, PermissionType.Field.Read,
        PermissionType.Field.Write, PermissionType.Field.Call, PermissionType.Field.ReceiveEvents);

    private final LabNamespace ns;
    private final String sessionId;
    private final NodeId ownerRoleId;
    private final RolePermissionType[] rolePermissions;
    private final List<UaNode> nodes = new ArrayList<>();                      // everything we created
    private final Map<String, UaVariableNode> variables = new ConcurrentHashMap<>();
    private final Map<String, UaFolderNode> folders = new ConcurrentHashMap<>();
    private UaFolderNode root;

    SessionNodes(LabNamespace ns, String sessionId, NodeId ownerRoleId) {
        this.ns = ns;
        this.sessionId = sessionId;
        this.ownerRoleId = ownerRoleId;
        this.rolePermissions = new RolePermissionType[]{new RolePermissionType(ownerRoleId, OWNER_PERMISSIONS)};
    }

    public String sessionId() {
        return sessionId;
    }

    public NodeId ownerRoleId() {
        return ownerRoleId;
    }

    public NodeId rootId() {
        return root.getNodeId();
    }

    /** NodeId of "Labs/&lt;sessionId&gt;/&lt;relPath&gt;". */
    public NodeId nodeId(String relPath) {
        return ns.nodeId("Labs/" + sessionId + "/" + relPath);
    }

    private UaNodeContext ctx() {
        return ns.getNodeContext();
    }

    /** Applies owner-only RolePermissions + the per-session access filter, and registers the node. */
    private <T extends UaNode> T secure(T node) {
        node.setRolePermissions(rolePermissions);
        node.getFilterChain().addLast(RoleAccessFilter.INSTANCE);
        ns.getNodeManager().addNode(node);
        nodes.add(node);
        return node;
    }

    synchronized void create(UaFolderNode labsFolder) {
        root = secure(new UaFolderNode(ctx(), ns.nodeId("Labs/" + sessionId), ns.qualifiedName(sessionId),
            LocalizedText.english(sessionId)));
        labsFolder.addOrganizes(root);
    }

    /** Adds a folder at relPath ("Signals" or "Signals/Sub"); parent folders must exist. */
    public synchronized UaFolderNode addFolder(String relPath) {
        return addFolder(relPath, null, null);
    }

    /** A folder whose Description is Korean or English by the client's session locale. */
    public synchronized UaFolderNode addFolder(String relPath, @Nullable String descriptionKo,
                                               @Nullable String descriptionEn) {
        UaFolderNode parent = parentFolder(relPath);
        String name = lastSegment(relPath);
        UaFolderNode created = new UaFolderNode(ctx(), nodeId(relPath), ns.qualifiedName(name),
            LocalizedText.english(name));
        if (descriptionKo != null && descriptionEn != null) {
            created.setDescription(LocalizedText.english(descriptionEn));
            created.getFilterChain().addLast(LocalizedDescriptionFilter.of(descriptionKo, descriptionEn));
        }
        UaFolderNode folder = secure(created);
        parent.addOrganizes(folder);
        folders.put(relPath, folder);
        return folder;
    }

    /**
     * Variable definition.
     *
     * @param dataType  NodeIds.Boolean / Int16 / Double / String ...
     * @param writeHook null = read-only for clients; non-null = writable, hook gets every client write
     * @param units     optional EngineeringUnits property (for analog values)
     */
    public record VariableSpec(String relPath, NodeId dataType, Object initialValue,
                               String descriptionKo, String descriptionEn,
                               @Nullable EUInformation units, @Nullable WriteHook writeHook) {}

    public synchronized UaVariableNode addVariable(VariableSpec spec) {
        UaFolderNode parent = parentFolder(spec.relPath());
        String name = lastSegment(spec.relPath());
        boolean writable = spec.writeHook() != null;

        UaVariableNode node = UaVariableNode.builder(ctx())
            .setNodeId(nodeId(spec.relPath()))
            .setBrowseName(ns.qualifiedName(name))
            .setDisplayName(LocalizedText.english(name))
            .setDescription(LocalizedText.english(spec.descriptionEn()))
            .setDataType(spec.dataType())
            .setValueRank(ValueRanks.Scalar)
            .setTypeDefinition(NodeIds.BaseDataVariableType)
            .setAccessLevel(writable ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY)
            .setUserAccessLevel(writable ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY)
            .setMinimumSamplingInterval(0.0)   // 0 = "as fast as requested" (client asks 10 ms)
            .setValue(dataValue(spec.initialValue()))
            .build();

        node.getFilterChain().addLast(LocalizedDescriptionFilter.of(spec.descriptionKo(), spec.descriptionEn()));
        // write hook FIRST in the chain (see the writeAttribute pitfall in RoleAccessFilter)
        if (writable) node.getFilterChain().addFirst(spec.writeHook().asFilter());
        secure(node);
        parent.addOrganizes(node);

        if (spec.units() != null) {
            // Standard "EngineeringUnits" property (HasProperty -> PropertyType variable, DataType EUInformation)
            UaVariableNode eu = UaVariableNode.builder(ctx())
                .setNodeId(nodeId(spec.relPath() + "/EngineeringUnits"))
                .setBrowseName(new org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName(0, "EngineeringUnits"))
                .setDisplayName(LocalizedText.english("EngineeringUnits"))
                .setDataType(NodeIds.EUInformation)
                .setValueRank(ValueRanks.Scalar)
                .setTypeDefinition(NodeIds.PropertyType)
                .setAccessLevel(AccessLevel.READ_ONLY)
                .setUserAccessLevel(AccessLevel.READ_ONLY)
                .setValue(new DataValue(new Variant(spec.units())))
                .build();
            secure(eu);
            node.addReference(new Reference(node.getNodeId(), NodeIds.HasProperty, eu.getNodeId().expanded(), true));
        }

        variables.put(spec.relPath(), node);
        return node;
    }

    /** Adds the standard EURange property (HasProperty, PropertyType, DataType Range) to a variable. */
    public synchronized void addRange(String relPath, org.eclipse.milo.opcua.stack.core.types.structured.Range range) {
        UaVariableNode node = variables.get(relPath);
        UaVariableNode eu = UaVariableNode.builder(ctx())
            .setNodeId(nodeId(relPath + "/EURange"))
            .setBrowseName(new org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName(0, "EURange"))
            .setDisplayName(LocalizedText.english("EURange"))
            .setDataType(NodeIds.Range)
            .setValueRank(ValueRanks.Scalar)
            .setTypeDefinition(NodeIds.PropertyType)
            .setAccessLevel(AccessLevel.READ_ONLY)
            .setUserAccessLevel(AccessLevel.READ_ONLY)
            .setValue(new DataValue(new Variant(range)))
            .build();
        secure(eu);
        node.addReference(new Reference(node.getNodeId(), NodeIds.HasProperty, eu.getNodeId().expanded(), true));
    }

    /** Adds a method Labs/&lt;sid&gt;/&lt;name&gt; (HasComponent of the session folder). */
    public synchronized UaMethodNode addMethod(String name, String descriptionEn,
                                               java.util.function.Function<UaMethodNode, AbstractMethodInvocationHandler> handler) {
        UaMethodNode method = UaMethodNode.builder(ctx())
            .setNodeId(nodeId(name))
            .setBrowseName(ns.qualifiedName(name))
            .setDisplayName(LocalizedText.english(name))
            .setDescription(LocalizedText.english(descriptionEn))
            .setExecutable(true)
            .setUserExecutable(true)
            .build();

        AbstractMethodInvocationHandler h = handler.apply(method);
        method.setInputArguments(h.getInputArguments());   // creates InputArguments/OutputArguments properties
        method.setOutputArguments(h.getOutputArguments());
        method.setInvocationHandler(h);
        secure(method);
        // the property nodes created by setInput/OutputArguments also need to be protected
        method.getPropertyNodes().forEach(p -> {
            if (p instanceof UaNode un && !nodes.contains(un)) {
                un.setRolePermissions(rolePermissions);
                un.getFilterChain().addLast(RoleAccessFilter.INSTANCE);
                nodes.add(un);
            }
        });

        root.addReference(new Reference(root.getNodeId(), NodeIds.HasComponent, method.getNodeId().expanded(), true));
        return method;
    }

    /** Update a value from Java (e.g. simulation tick). Subscribed clients see it at their sampling interval. */
    public void setValue(String relPath, Object value) {
        UaVariableNode node = variables.get(relPath);
        if (node == null) throw new IllegalArgumentException("no variable " + relPath);
        node.setValue(dataValue(value));
    }

    public Object getValue(String relPath) {
        return variables.get(relPath).getValue().getValue().getValue();
    }

    synchronized void delete(UaFolderNode labsFolder) {
        if (root != null) labsFolder.removeOrganizes(root);
        // delete children first; UaNode.delete() removes the node and its references from the node manager
        for (int i = nodes.size() - 1; i >= 0; i--) {
            UaNode n = nodes.get(i);
            n.delete();
            ns.getNodeManager().removeNode(n.getNodeId());
        }
        nodes.clear();
        variables.clear();
        folders.clear();
    }

    private static DataValue dataValue(Object v) {
        DateTime now = DateTime.now();
        return new DataValue(new Variant(v), StatusCode.GOOD, now, now);
    }

    private UaFolderNode parentFolder(String relPath) {
        int i = relPath.lastIndexOf('/');
        if (i < 0) return root;
        UaFolderNode p = folders.get(relPath.substring(0, i));
        if (p == null) throw new IllegalArgumentException("missing parent folder for " + relPath);
        return p;
    }

    private static String lastSegment(String relPath) {
        return relPath.substring(relPath.lastIndexOf('/') + 1);
    }
}
