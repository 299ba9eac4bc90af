package sfa.lab.opcua;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.SessionListener;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;
import org.eclipse.milo.opcua.sdk.server.servicesets.AttributeServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.MethodServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.MonitoredItemServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.SessionServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.ViewServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.AccessController.AccessResult;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.DefaultAttributeServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.DefaultMethodServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.DefaultMonitoredItemServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.DefaultSessionServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.DefaultViewServiceSet;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.structured.*;
import org.eclipse.milo.opcua.stack.transport.server.ServiceRequestContext;

/**
 * Audit + "strict browse" decorators around Milo's default service sets.
 *
 * <p>Milo 1.1.2 has no ServiceRequestListener. But OpcUaServer extends AbstractServiceHandler whose
 * {@code addServiceSet(path, XxxServiceSet)} does a map put per (path, service), so calling it again after
 * construction REPLACES the defaults the constructor registered. We wrap the defaults (delegation).
 * The path is the endpoint URL path (EndpointUtil.getPath(endpointUrl), e.g. "/lab").
 *
 * <p>Session lifecycle: SessionServiceSet wrapper for CreateSession / ActivateSession (identity is only known
 * after ActivateSession; failed logins are caught there), {@link SessionListener#onSessionClosed} for
 * closed/timed-out/killed sessions.
 */
public final class AuditingServiceSets {

    private AuditingServiceSets() {}

    /**
     * @param strictDenied if true: Browse of a node the user may not browse returns Bad_UserAccessDenied (Milo's
     *                     default is Good with 0 references), and Read of ANY attribute of such a node returns
     *                     Bad_UserAccessDenied (Milo's default only protects the Value attribute).
     */
    public static void install(OpcUaServer server, String path, sfa.lab.session.Audit audit, boolean strictDenied) {
        var log = new Sink(audit);
        var h = new Helper(server, log);

        server.getSessionManager().addSessionListener(new SessionListener() {
            // onSessionCreated is not audited: 1.1.2 delivers it late through an internal task queue
            // (sometimes just before onSessionClosed); CreateSession and ActivateSession are audited instead.

            @Override
            public void onSessionClosed(Session s) {
                h.log("SESSION_CLOSED", s, "");
            }
        });

        var session = new DefaultSessionServiceSet(server);
        server.addServiceSet(path, new SessionServiceSet() {
            @Override
            public CreateSessionResponse onCreateSession(ServiceRequestContext c, CreateSessionRequest r) throws UaException {
                CreateSessionResponse resp = session.onCreateSession(c, r);
                var ch = c.getSecureChannel();
                log.add("SESSION_CREATED", resp.getSessionId().toParseableString(), null,
                    ch.getSecurityPolicy().name() + "/" + ch.getMessageSecurityMode(),
                    "name=" + r.getSessionName() + " client=" + r.getClientDescription().getApplicationUri()
                        + " addr=" + c.clientAddress());
                return resp;
            }

            @Override
            public ActivateSessionResponse onActivateSession(ServiceRequestContext c, ActivateSessionRequest r) throws UaException {
                try {
                    ActivateSessionResponse resp = session.onActivateSession(c, r);
                    h.log("SESSION_ACTIVATED", h.session(c, r.getRequestHeader()), "");
                    return resp;
                } catch (UaException e) {
                    // wrong password etc. SessionManager.getSession(..) only returns ACTIVATED sessions, so for a
                    // failed first activation we only know the secure channel (policy/mode) and the token's user name.
                    var ch = c.getSecureChannel();
                    log.add("LOGIN_FAILED", null, tokenUser(server, r),
                        ch.getSecurityPolicy().name() + "/" + ch.getMessageSecurityMode(),
                        "status=" + statusName(e.getStatusCode()) + " client=" + c.clientAddress());
                    throw e;
                }
            }

            @Override
            public CloseSessionResponse onCloseSession(ServiceRequestContext c, CloseSessionRequest r) throws UaException {
                return session.onCloseSession(c, r);
            }

            @Override
            public CancelResponse onCancel(ServiceRequestContext c, CancelRequest r) throws UaException {
                return session.onCancel(c, r);
            }
        });

        var attr = new DefaultAttributeServiceSet(server);
        server.addServiceSet(path, new AttributeServiceSet() {
            @Override
            public ReadResponse onRead(ServiceRequestContext c, ReadRequest r) throws UaException {
                ReadResponse resp = attr.onRead(c, r);
                Session s = h.session(c, r.getRequestHeader());
                ReadValueId[] ids = r.getNodesToRead();
                DataValue[] results = resp.getResults();
                if (strictDenied && s != null && ids != null && results != null) {
                    Map<NodeId, AccessResult> browse = h.browseAccess(s, Stream.of(ids).map(ReadValueId::getNodeId).toList());
                    for (int i = 0; i < ids.length; i++) {
                        if (browse.get(ids[i].getNodeId()).isDenied()) {
                            results[i] = new DataValue(new StatusCode(StatusCodes.Bad_UserAccessDenied));
                        }
                    }
                }
                if (ids != null && Stream.of(ids).anyMatch(i -> ours(i.getNodeId())))
                h.log("READ", s, pairs(ids == null ? null : Stream.of(ids).map(ReadValueId::getNodeId).toList(),
                    results == null ? null : Stream.of(results).map(DataValue::getStatusCode).toList()));
                return resp;
            }

            @Override
            public HistoryReadResponse onHistoryRead(ServiceRequestContext c, HistoryReadRequest r) throws UaException {
                return attr.onHistoryRead(c, r);
            }

            @Override
            public WriteResponse onWrite(ServiceRequestContext c, WriteRequest r) throws UaException {
                WriteResponse resp = attr.onWrite(c, r);
                WriteValue[] ids = r.getNodesToWrite();
                h.log("WRITE", h.session(c, r.getRequestHeader()),
                    pairs(ids == null ? null : Stream.of(ids).map(WriteValue::getNodeId).toList(),
                        resp.getResults() == null ? null : Arrays.asList(resp.getResults())));
                return resp;
            }

            @Override
            public HistoryUpdateResponse onHistoryUpdate(ServiceRequestContext c, HistoryUpdateRequest r) throws UaException {
                return attr.onHistoryUpdate(c, r);
            }
        });

        var view = new DefaultViewServiceSet(server);
        server.addServiceSet(path, new ViewServiceSet() {
            @Override
            public BrowseResponse onBrowse(ServiceRequestContext c, BrowseRequest r) throws UaException {
                BrowseResponse resp = view.onBrowse(c, r);
                Session s = h.session(c, r.getRequestHeader());
                BrowseDescription[] nodes = r.getNodesToBrowse();
                BrowseResult[] results = resp.getResults();
                if (strictDenied && s != null && nodes != null && results != null) {
                    Map<NodeId, AccessResult> access = h.browseAccess(s, Stream.of(nodes).map(BrowseDescription::getNodeId).toList());
                    for (int i = 0; i < nodes.length; i++) {
                        if (access.get(nodes[i].getNodeId()).isDenied()) {
                            results[i] = new BrowseResult(new StatusCode(StatusCodes.Bad_UserAccessDenied), null, null);
                        }
                    }
                }
                if (nodes != null && Stream.of(nodes).anyMatch(n -> ours(n.getNodeId())))
                h.log("BROWSE", s, pairs(nodes == null ? null : Stream.of(nodes).map(BrowseDescription::getNodeId).toList(),
                    results == null ? null : Stream.of(results).map(BrowseResult::getStatusCode).toList()));
                return resp;
            }

            @Override
            public BrowseNextResponse onBrowseNext(ServiceRequestContext c, BrowseNextRequest r) throws UaException {
                return view.onBrowseNext(c, r);
            }

            @Override
            public TranslateBrowsePathsToNodeIdsResponse onTranslateBrowsePaths(ServiceRequestContext c, TranslateBrowsePathsToNodeIdsRequest r) throws UaException {
                return view.onTranslateBrowsePaths(c, r);
            }

            @Override
            public RegisterNodesResponse onRegisterNodes(ServiceRequestContext c, RegisterNodesRequest r) throws UaException {
                return view.onRegisterNodes(c, r);
            }

            @Override
            public UnregisterNodesResponse onUnregisterNodes(ServiceRequestContext c, UnregisterNodesRequest r) throws UaException {
                return view.onUnregisterNodes(c, r);
            }
        });

        var method = new DefaultMethodServiceSet(server);
        server.addServiceSet(path, (MethodServiceSet) (c, r) -> {
            CallResponse resp = method.onCall(c, r);
            CallMethodRequest[] calls = r.getMethodsToCall();
            h.log("CALL", h.session(c, r.getRequestHeader()),
                pairs(calls == null ? null : Stream.of(calls).map(CallMethodRequest::getMethodId).toList(),
                    resp.getResults() == null ? null : Stream.of(resp.getResults()).map(CallMethodResult::getStatusCode).toList()));
            return resp;
        });

        var items = new DefaultMonitoredItemServiceSet(server);
        server.addServiceSet(path, new MonitoredItemServiceSet() {
            @Override
            public CreateMonitoredItemsResponse onCreateMonitoredItems(ServiceRequestContext c, CreateMonitoredItemsRequest r) throws UaException {
                CreateMonitoredItemsResponse resp = items.onCreateMonitoredItems(c, r);
                MonitoredItemCreateRequest[] req = r.getItemsToCreate();
                String detail = pairs(
                    req == null ? null : Stream.of(req).map(i -> i.getItemToMonitor().getNodeId()).toList(),
                    resp.getResults() == null ? null : Stream.of(resp.getResults()).map(MonitoredItemCreateResult::getStatusCode).toList())
                    + (req == null ? "" : " sampling=" + Stream.of(req)
                    .map(i -> String.valueOf(i.getRequestedParameters().getSamplingInterval())).toList());
                h.log("CREATE_MONITORED_ITEMS", h.session(c, r.getRequestHeader()), detail);
                return resp;
            }

            @Override
            public ModifyMonitoredItemsResponse onModifyMonitoredItems(ServiceRequestContext c, ModifyMonitoredItemsRequest r) throws UaException {
                return items.onModifyMonitoredItems(c, r);
            }

            @Override
            public DeleteMonitoredItemsResponse onDeleteMonitoredItems(ServiceRequestContext c, DeleteMonitoredItemsRequest r) throws UaException {
                return items.onDeleteMonitoredItems(c, r);
            }

            @Override
            public SetMonitoringModeResponse onSetMonitoringMode(ServiceRequestContext c, SetMonitoringModeRequest r) throws UaException {
                return items.onSetMonitoringMode(c, r);
            }

            @Override
            public SetTriggeringResponse onSetTriggering(ServiceRequestContext c, SetTriggeringRequest r) throws UaException {
                return items.onSetTriggering(c, r);
            }
        });
    }

    /**
     * Writes OPC UA events into the lab sessions' audit: the entry's session is the lab session the user
     * name logs in to (the user name is the session id), so a teacher can read one student's client
     * session in order: connect with which policy, browse, subscribe or poll, writes, calls.
     */
    private record Sink(sfa.lab.session.Audit audit) {
        void add(String kind, String uaSession, String user, String policy, String detail) {
            String client = (uaSession == null ? "" : "ua-session=" + uaSession + " ") + "policy=" + policy;
            audit.record(user == null ? "-" : user, client, kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    detail == null ? "" : detail);
        }
    }

    /** Reads and browses of the standard namespace (every client does many while connecting) are not audited. */
    private static boolean ours(NodeId id) {
        return id.getNamespaceIndex().intValue() != 0;
    }

    private static String tokenUser(OpcUaServer server, ActivateSessionRequest r) {
        try {
            Object token = r.getUserIdentityToken().decode(server.getStaticEncodingContext());
            return token instanceof UserNameIdentityToken u ? u.getUserName() : String.valueOf(token);
        } catch (Exception e) {
            return "?";
        }
    }

    private static String pairs(List<NodeId> ids, List<StatusCode> codes) {
        if (ids == null) return "[]";
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            StatusCode sc = codes != null && i < codes.size() ? codes.get(i) : null;
            out.add(ids.get(i).toParseableString() + "=" + (sc == null ? "?" : statusName(sc)));
        }
        return out.stream().collect(Collectors.joining(", ", "[", "]"));
    }

    static String statusName(StatusCode sc) {
        return StatusCodes.lookup(sc.value()).map(a -> a[0]).orElse(sc.toString());
    }

    private record Helper(OpcUaServer server, Sink log) {

        Session session(ServiceRequestContext c, RequestHeader header) {
            try {
                return server.getSessionManager().getSession(c, header);
            } catch (Exception e) {
                return null;
            }
        }

        Map<NodeId, AccessResult> browseAccess(Session s, List<NodeId> ids) {
            return server.getAccessController().checkBrowseAccess(s, ids);
        }

        void log(String kind, Session s, String detail) {
            if (s == null) {
                log.add(kind, null, null, null, detail);
                return;
            }
            String user = s.getIdentity() instanceof Identity.UsernameIdentity u ? u.getUsername()
                : s.getIdentity() == null ? null : s.getIdentity().getUserTokenType().toString();
            EndpointDescription ep = s.getEndpoint();
            String policy = ep == null ? null
                : SecurityPolicy.fromUriSafe(ep.getSecurityPolicyUri()).map(Enum::name).orElse(ep.getSecurityPolicyUri())
                + "/" + ep.getSecurityMode();
            log.add(kind, s.getSessionId().toParseableString(), user, policy, detail);
        }
    }
}
