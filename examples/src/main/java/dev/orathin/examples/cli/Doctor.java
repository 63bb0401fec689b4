package dev.orathin.examples.cli;

import dev.orathin.ConnectParams;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.errors.ErrorCode;
import dev.orathin.errors.OrathinException;
import dev.orathin.net.AttemptPlan;
import dev.orathin.net.ConnectAttempt;
import dev.orathin.net.ConnectTrace;
import dev.orathin.net.NetConnector;
import dev.orathin.net.NetErrorCode;
import dev.orathin.net.NetException;
import dev.orathin.net.NetSession;
import dev.orathin.net.Route;
import dev.orathin.net.naming.NamingErrorCode;
import dev.orathin.net.naming.ResolvedConnect;
import dev.orathin.wallet.Wallet;
import dev.orathin.wallet.WalletDescription;
import dev.orathin.wallet.WalletErrorCode;
import dev.orathin.wallet.Wallets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * The connection doctor: the checks users otherwise do by hand (nslookup, nc, curl -x, openssl
 * s_client, reading certificates), in order, each with its result, timing and, when it fails, the
 * likely cause and the fix.
 *
 * <p>Global steps: config directory, dsn resolution (with the IFILE chain), wallet. Then for each
 * planned address: DNS (all IPs), TCP, proxy CONNECT, TLS handshake (protocol, cipher, server
 * chain, trust anchor), DN/host match, the Oracle Net answer (ACCEPT / REFUSE / REDIRECT / RESEND),
 * the second TLS handshake of the hand-off; then login when a user is given. An address stops at
 * its first blocking failure. Every network step is bounded by the route's TRANSPORT_CONNECT_TIMEOUT
 * (DNS, TCP) or CONNECT_TIMEOUT (proxy, TLS, Oracle Net, login).
 *
 * <p>DNS, TCP, proxy, TLS and the DN check are probed here with JSSE on a plain socket, because
 * transport does not expose those steps one by one; the Oracle Net answer and the hand-off are then
 * taken from a real {@link NetConnector} connect over the same route, so what the doctor reports
 * is what the driver does.
 */
public final class Doctor {

    /** Result of a step. */
    public enum Status { OK, WARN, FAIL, SKIP }

    /**
     * One diagnosed step.
     *
     * @param scope "setup", "login" or the address ({@code tcps://host:port [via proxy]})
     * @param name the step (CONFIG, RESOLVE, WALLET, PLAN, DNS, TCP, PROXY, TLS, DN, NET, TLS2, LOGIN)
     * @param status the result
     * @param millis time spent
     * @param detail what was found
     * @param cause on FAIL/WARN, the likely cause (else null)
     * @param fix on FAIL/WARN, what to do (else null)
     * @param code on FAIL, the stable {@code OTN-nnnn} code of the failure (else null)
     */
    public record Step(String scope, String name, Status status, long millis, String detail, String cause, String fix, String code) {
        /** Every FAIL carries its code, so a failure can be looked up and scripted on. */
        public Step {
            if (status == Status.FAIL && code == null) {
                throw new IllegalArgumentException("a FAIL step needs its OTN code: " + name);
            }
        }

        /** The detail as printed: on FAIL prefixed with the code ({@code OTN-3003: ...}). */
        public String shown() {
            return code == null ? detail : code + ": " + detail;
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", name);
            m.put("status", status.name());
            if (code != null) {
                m.put("code", code);
            }
            m.put("ms", millis);
            m.put("detail", detail);
            if (cause != null) {
                m.put("cause", cause);
            }
            if (fix != null) {
                m.put("fix", fix);
            }
            return m;
        }
    }

    /** The outcome of a diagnosis: every step, and whether a connection can be made; {@code dsn} is shown redacted. */
    public record Report(String dsn, List<Step> steps, boolean ok) {
        /** The steps of one scope. */
        public List<Step> scope(String scope) {
            return steps.stream().filter(s -> s.scope().equals(scope)).toList();
        }

        /** The first step with this name and status, if any. */
        public java.util.Optional<Step> find(String name, Status status) {
            return steps.stream().filter(s -> s.name().equals(name) && s.status() == status).findFirst();
        }
    }

    private final ConnectOptions conn;
    private final OrathinCli.Io io;
    private final Consumer<Step> progress;
    private final List<Step> steps = new ArrayList<>();

    Doctor(ConnectOptions conn, OrathinCli.Io io, Consumer<Step> progress) {
        this.conn = conn;
        this.io = io;
        this.progress = progress;
    }

    private Step add(String scope, String name, Status status, long startNanos, String detail, String cause, String fix) {
        return record(new Step(scope, name, status, (System.nanoTime() - startNanos) / 1_000_000, detail, cause, fix, null));
    }

    /** A failed step with the code of the failure. */
    private Step fail(String scope, String name, ErrorCode code, long startNanos, String detail, String cause, String fix) {
        return record(new Step(scope, name, Status.FAIL, (System.nanoTime() - startNanos) / 1_000_000, detail, cause, fix, code.code()));
    }

    /** A step failed by an orathin exception: its own code, and its message without the code repeated. */
    private Step fail(String scope, String name, OrathinException e, long startNanos, String prefix, String cause, String fix) {
        String message = String.valueOf(e.getMessage());
        String detail = message.startsWith(e.code() + ": ") ? message.substring(e.code().length() + 2) : message;
        return fail(scope, name, e.errorCode(), startNanos, prefix + detail, cause, fix);
    }

    private Step record(Step s) {
        steps.add(s);
        progress.accept(s);
        return s;
    }

    /** Runs every step. */
    Report run() {
        String setup = "setup";
        long t = System.nanoTime();
        checkConfigDir(setup, t);
        t = System.nanoTime();
        ResolvedConnect resolved;
        try {
            resolved = ResolveCommand.resolve(conn);
            String how = switch (resolved.kind()) {
                case ALIAS -> "alias " + resolved.alias() + " found";
                default -> "dsn read as " + resolved.kind();
            };
            add(setup, "RESOLVE", resolved.warnings().isEmpty() ? Status.OK : Status.WARN, t, how
                    + (resolved.filesRead().isEmpty() ? "" : " in " + String.join(" -> ", resolved.filesRead())) + "; "
                    + ResolveCommand.redactedDescriptor(resolved),
                    resolved.warnings().isEmpty() ? null : String.join("; ", resolved.warnings()),
                    resolved.warnings().isEmpty() ? null : "see `orathin resolve` for where each parameter comes from");
        } catch (OrathinException e) {
            fail(setup, "RESOLVE", e, t, "", "the dsn cannot be turned into a connect descriptor",
                    "check the alias name against tnsnames.ora (`orathin resolve` shows what is read), or pass a full descriptor");
            return new Report(dev.orathin.net.Redaction.connectString(conn.dsn), steps, false);
        }
        t = System.nanoTime();
        AttemptPlan plan;
        try {
            plan = ResolveCommand.plan(resolved);
        } catch (OrathinException e) {
            fail(setup, "PLAN", e, t, "", "the descriptor has no usable address", "fix the ADDRESS entries");
            return new Report(dev.orathin.net.Redaction.connectString(conn.dsn), steps, false);
        } catch (RuntimeException e) {
            fail(setup, "PLAN", NamingErrorCode.NO_ADDRESS, t, String.valueOf(e.getMessage()), "the descriptor has no usable address",
                    "fix the ADDRESS entries");
            return new Report(dev.orathin.net.Redaction.connectString(conn.dsn), steps, false);
        }
        List<Route> routes = new ArrayList<>();
        plan.descriptions().forEach(d -> routes.addAll(d.routes()));
        boolean anyTcps = routes.stream().anyMatch(Route::isTcps);
        Wallet wallet = null;
        t = System.nanoTime();
        try {
            wallet = wallet(resolved);
            if (wallet == null) {
                add(setup, "WALLET", anyTcps ? Status.WARN : Status.SKIP, t, "no wallet found (no --wallet, no WALLET_LOCATION, no wallet file in the"
                        + " config directory)", anyTcps ? "TCPS without a wallet uses the JDK trust store and sends no client certificate" : null,
                        anyTcps ? "ADB needs mutual TLS: pass --wallet DIR (the unzipped wallet) or --config-dir pointing at it" : null);
            } else {
                WalletDescription d = wallet.describe();
                long keys = d.entries().stream().filter(e -> e.role() == WalletDescription.Role.KEY).count();
                long trusted = d.entries().stream().filter(e -> e.role() == WalletDescription.Role.TRUSTED).count();
                List<String> blocking = WalletCommand.Base.blocking(d);
                String detail = d.format() + " " + d.source() + ": " + keys + " client key(s), " + trusted + " trusted certificate(s)"
                        + (d.warnings().isEmpty() ? "" : "; warnings: " + String.join("; ", d.warnings()));
                if (!blocking.isEmpty() && d.format() != dev.orathin.wallet.WalletFormat.SYSTEM) {
                    add(setup, "WALLET", Status.WARN, t, detail, String.join("; ", blocking),
                            "download a fresh wallet for this database (ADB console: Database connection > Download wallet)");
                } else {
                    add(setup, "WALLET", d.warnings().isEmpty() ? Status.OK : Status.WARN, t, detail,
                            d.warnings().isEmpty() ? null : String.join("; ", d.warnings()),
                            d.warnings().isEmpty() ? null : "rotate the wallet before it expires");
                }
            }
        } catch (OrathinException e) {
            fail(setup, "WALLET", e, t, "", "the wallet cannot be read (wrong password, wrong file, damaged download)",
                    "give the wallet password with --wallet-password-env/--wallet-password-file, or use cwallet.sso (auto-login);"
                            + " `orathin wallet check PATH` shows the details");
            return new Report(dev.orathin.net.Redaction.connectString(conn.dsn), steps, false);
        }
        add(setup, "PLAN", Status.OK, System.nanoTime(), routes.size() + " address(es) in order: " + routes, null, null);

        boolean anyAccepted = false;
        for (Route route : routes) {
            anyAccepted |= probe(route, wallet);
        }
        boolean loginOk = true;
        if (conn.user != null) {
            loginOk = login(anyAccepted);
        } else {
            add("login", "LOGIN", Status.SKIP, System.nanoTime(), "no --user given", null, null);
        }
        boolean setupOk = steps.stream().noneMatch(s -> s.scope().equals(setup) && s.status() == Status.FAIL);
        return new Report(dev.orathin.net.Redaction.connectString(conn.dsn), steps, setupOk && anyAccepted && loginOk);
    }

    private void checkConfigDir(String scope, long t) {
        Path dir = conn.configDir;
        if (dir == null) {
            String env = io.env().apply("TNS_ADMIN");
            add(scope, "CONFIG", Status.SKIP, t, "no --config-dir" + (env != null ? "; TNS_ADMIN=" + env + " is used" : "; TNS_ADMIN not set"),
                    null, null);
            return;
        }
        if (!Files.exists(dir)) {
            fail(scope, "CONFIG", NamingErrorCode.NO_CONFIG_DIR, t, dir.toAbsolutePath() + " does not exist", "wrong path",
                    "point --config-dir at the directory where the wallet zip was extracted (or at the wallet.zip itself)");
            return;
        }
        if (Files.isRegularFile(dir)) {
            add(scope, "CONFIG", Status.OK, t, dir.toAbsolutePath() + " is a file: read as wallet.zip", null, null);
            return;
        }
        List<String> found = new ArrayList<>();
        for (String f : List.of("tnsnames.ora", "sqlnet.ora", "cwallet.sso", "ewallet.p12", "ewallet.pem", "wallet.zip", "ojdbc.properties")) {
            if (Files.exists(dir.resolve(f))) {
                found.add(f);
            }
        }
        boolean tns = found.contains("tnsnames.ora");
        add(scope, "CONFIG", tns ? Status.OK : Status.WARN, t, dir.toAbsolutePath() + ": " + (found.isEmpty() ? "no known files" : String.join(", ", found)),
                tns ? null : "no tnsnames.ora: aliases cannot be resolved from this directory",
                tns ? null : "extract the wallet zip here, or use an Easy Connect dsn");
    }

    /** The wallet exactly as {@code Orathin.connect} chooses it. */
    private Wallet wallet(ResolvedConnect r) {
        String location = conn.wallet;
        if (location == null) {
            location = r.walletLocation().orElse(null);
            if (location != null && location.startsWith("?") && conn.configDir != null) {
                location = conn.configDir.toString();
            }
        }
        if (location == null && conn.configDir != null && Files.isDirectory(conn.configDir)) {
            for (String f : new String[] {"cwallet.sso", "ewallet.pem", "ewallet.p12"}) {
                if (Files.exists(conn.configDir.resolve(f))) {
                    location = conn.configDir.toString();
                    break;
                }
            }
        }
        if (location == null) {
            return null;
        }
        if (location.equalsIgnoreCase("SYSTEM")) {
            return Wallets.system();
        }
        char[] pw = conn.walletPassword(io);
        try {
            return Wallets.load(Path.of(location), pw);
        } finally {
            if (pw != null) {
                Arrays.fill(pw, '\0');
            }
        }
    }

    /** Probes one address; true when it reached ACCEPT. */
    private boolean probe(Route route, Wallet wallet) {
        String scope = route.toString();
        Duration tcpTimeout = route.timeouts().transportConnect();
        Duration timeout = route.timeouts().connect();
        Route.Proxy proxy = route.proxy();
        String dialHost = proxy != null ? proxy.host() : route.address() != null ? route.address() : route.host();
        int dialPort = proxy != null ? proxy.port() : route.port();

        long t = System.nanoTime();
        InetAddress[] ips;
        try {
            ips = CompletableFuture.supplyAsync(() -> {
                try {
                    return InetAddress.getAllByName(dialHost);
                } catch (UnknownHostException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }).get(tcpTimeout.toMillis(), TimeUnit.MILLISECONDS);
            add(scope, "DNS", Status.OK, t, dialHost + " -> " + Arrays.stream(ips).map(InetAddress::getHostAddress).toList()
                    + (proxy != null ? " (proxy; the database host " + route.host() + " is resolved by the proxy)" : ""), null, null);
        } catch (ExecutionException e) {
            fail(scope, "DNS", NetErrorCode.DNS_FAILED, t, dialHost + ": " + e.getCause().getMessage(), "the name does not resolve from this machine",
                    proxy != null ? "check the https_proxy host name" : "check HOST in the descriptor, your DNS or VPN; behind a corporate"
                            + " firewall set https_proxy/https_proxy_port");
            return false;
        } catch (TimeoutException e) {
            fail(scope, "DNS", NetErrorCode.DNS_FAILED, t, dialHost + ": no answer within TRANSPORT_CONNECT_TIMEOUT (" + tcpTimeout.toSeconds() + " s)",
                    "the DNS server does not answer", "check the resolver configuration (/etc/resolv.conf) or VPN");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }

        Socket socket = null;
        InetAddress connected = null;
        for (InetAddress ip : ips) {
            t = System.nanoTime();
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(ip, dialPort), (int) tcpTimeout.toMillis());
                add(scope, "TCP", Status.OK, t, ip.getHostAddress() + ":" + dialPort + " connected" + (proxy != null ? " (proxy)" : ""), null, null);
                socket = s;
                connected = ip;
                break;
            } catch (IOException e) {
                close(s);
                boolean refused = e instanceof ConnectException;
                boolean timedOut = e instanceof SocketTimeoutException;
                fail(scope, "TCP", refused ? NetErrorCode.TCP_REFUSED : timedOut ? NetErrorCode.TCP_CONNECT_TIMEOUT : NetErrorCode.IO_ERROR,
                        t, ip.getHostAddress() + ":" + dialPort + ": " + e.getMessage(),
                        refused ? "nothing listens on this port, or a firewall rejects the connection"
                                : timedOut ? "no answer within TRANSPORT_CONNECT_TIMEOUT (" + tcpTimeout.toSeconds() + " s): a firewall drops"
                                        + " the packets" : "the network refused the connection",
                        proxy != null ? "check https_proxy_port and that the proxy runs"
                                : "check PORT (ADB listens on 1522) and outbound firewall rules; ADB with an access control list must allow"
                                        + " your public IP; behind a corporate firewall use https_proxy");
            }
        }
        if (socket == null) {
            return false;
        }
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            if (proxy != null) {
                if (!proxyConnect(scope, socket, route, proxy)) {
                    return false;
                }
            } else {
                add(scope, "PROXY", Status.SKIP, System.nanoTime(), "no HTTPS proxy configured", null, null);
            }
            if (route.isTcps()) {
                if (!tls(scope, socket, route, wallet, timeout)) {
                    return false;
                }
            } else {
                add(scope, "TLS", Status.SKIP, System.nanoTime(), "plain TCP address (no TLS)", null, null);
                add(scope, "DN", Status.SKIP, System.nanoTime(), "plain TCP address", null, null);
            }
        } catch (IOException e) {
            fail(scope, "TCP", NetErrorCode.IO_ERROR, System.nanoTime(), e.toString(), "the connection broke", "retry; check the network");
            return false;
        } finally {
            close(socket);
        }
        Route netRoute = proxy == null && route.address() == null ? route.withAddress(connected.getHostAddress()) : route;
        return oracleNet(scope, netRoute, wallet, timeout);
    }

    private boolean proxyConnect(String scope, Socket socket, Route route, Route.Proxy proxy) throws IOException {
        long t = System.nanoTime();
        String target = (route.host().contains(":") ? "[" + route.host() + "]" : route.host()) + ":" + route.port();
        StringBuilder req = new StringBuilder("CONNECT ").append(target).append(" HTTP/1.1\r\nHost: ").append(target).append("\r\n");
        if (proxy.user() != null) {
            char[] pw = proxy.password() == null ? new char[0] : proxy.password();
            req.append("Proxy-Authorization: Basic ").append(Base64.getEncoder().encodeToString(
                    (proxy.user() + ":" + new String(pw)).getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        req.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String status;
        try {
            status = readHead(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            fail(scope, "PROXY", NetErrorCode.PROXY_TIMEOUT, t, "CONNECT " + target + ": no answer within CONNECT_TIMEOUT", "the proxy does not answer",
                    "check https_proxy/https_proxy_port: is this an HTTP proxy?");
            return false;
        }
        if (status == null) {
            fail(scope, "PROXY", NetErrorCode.PROXY_REFUSED, t, "CONNECT " + target + ": the proxy closed the connection without an answer",
                    "not an HTTP proxy, or it drops CONNECT requests", "check https_proxy/https_proxy_port");
            return false;
        }
        String[] parts = status.split(" ", 3);
        int code = parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : -1;
        if (code >= 200 && code < 300) {
            add(scope, "PROXY", Status.OK, t, "CONNECT " + target + " -> " + status, null, null);
            return true;
        }
        String cause = switch (code) {
            case 407 -> "the proxy requires authentication";
            case 403 -> "the proxy forbids tunnels to this host or port";
            case 502, 503, 504 -> "the proxy cannot reach the database host";
            default -> "the proxy refused the tunnel";
        };
        String fix = switch (code) {
            case 407 -> "give proxy credentials: https_proxy=user:password@host (or the proxy settings of your environment)";
            case 403 -> "ask the proxy administrator to allow CONNECT to " + target + " (ADB uses port 1522)";
            case 502, 503, 504 -> "check the database host name; the proxy's DNS must resolve it";
            default -> "check https_proxy/https_proxy_port";
        };
        fail(scope, "PROXY", NetErrorCode.PROXY_REFUSED, t, "CONNECT " + target + " -> " + status, cause, fix);
        return false;
    }

    /** Reads an HTTP response head; returns the status line, or null on EOF. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        String first = null;
        int total = 0;
        while (total++ < 16384) {
            int b = in.read();
            if (b < 0) {
                return first;
            }
            if (b == '\n') {
                String l = line.toString().strip();
                if (first == null) {
                    first = l;
                } else if (l.isEmpty()) {
                    return first;
                }
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
        return first;
    }

    /** Records what the server presented and how the wallet's trust store judged it. */
    private static final class Capturing implements X509TrustManager {
        final X509TrustManager delegate;
        X509Certificate[] chain;
        CertificateException failure;

        Capturing(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType) throws CertificateException {
            delegate.checkClientTrusted(c, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType) throws CertificateException {
            chain = c.clone();
            try {
                delegate.checkServerTrusted(c, authType);
            } catch (CertificateException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    private boolean tls(String scope, Socket socket, Route route, Wallet wallet, Duration timeout) {
        long t = System.nanoTime();
        Capturing trust;
        SSLSocket ssl = null;
        KeyManager[] kms;
        try {
            Wallet w = wallet != null ? wallet : Wallets.system();
            X509TrustManager tm = null;
            for (TrustManager m : w.trustManagerFactory().getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    tm = x;
                }
            }
            trust = new Capturing(tm);
            kms = w.privateKey().isPresent() ? w.keyManagerFactory().getKeyManagers() : null;
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kms, new TrustManager[] {trust}, null);
            ssl = (SSLSocket) ctx.getSocketFactory().createSocket(socket, route.host(), route.port(), false);
            SSLParameters params = ssl.getSSLParameters();
            params.setServerNames(List.<SNIServerName>of()); // as the driver without USE_SNI: no SNI
            String v = route.tls().sslVersion();
            params.setProtocols(v != null ? new String[] {v} : new String[] {"TLSv1.3", "TLSv1.2"});
            ssl.setSSLParameters(params);
            ssl.setSoTimeout((int) timeout.toMillis());
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            fail(scope, "TLS", e instanceof OrathinException oe ? oe.errorCode() : WalletErrorCode.TLS_SETUP_FAILED, t,
                    "cannot set up TLS with this wallet: " + e.getMessage(), "the wallet's key or trust store is unusable",
                    "`orathin wallet check` on the wallet");
            return false;
        }
        try {
            ssl.startHandshake();
            SSLSession session = ssl.getSession();
            X509Certificate[] chain = trust.chain;
            if ("TLSv1.3".equals(session.getProtocol()) && kms != null) {
                awaitLateRejection(ssl);
            }
            add(scope, "TLS", Status.OK, t, session.getProtocol() + " " + session.getCipherSuite() + "; server chain " + subjects(chain)
                    + "; trust anchor " + anchor(chain, wallet) + (wallet != null && wallet.privateKey().isPresent()
                    ? "; client certificate " + wallet.certificateChain().get(0).getSubjectX500Principal().getName() : ""), null, null);
            return dnCheck(scope, chain[0], route);
        } catch (SocketTimeoutException e) {
            fail(scope, "TLS", NetErrorCode.CONNECT_TIMEOUT, t, "no handshake answer within CONNECT_TIMEOUT (" + timeout.toSeconds() + " s)",
                    "the server does not speak TLS on this port, or a middlebox holds the connection",
                    "check that the address is TCPS (ADB: port 1522) and PROTOCOL=tcps");
            return false;
        } catch (IOException e) {
            String msg = String.valueOf(e.getMessage());
            if (trust.failure != null) {
                Throwable root = rootCause(trust.failure);
                boolean expired = root instanceof CertificateExpiredException || root instanceof CertificateNotYetValidException;
                String chainText = trust.chain == null ? "" : "; server chain " + subjects(trust.chain) + ", SANs " + sans(trust.chain[0]);
                fail(scope, "TLS", expired ? NetErrorCode.TLS_CERT_EXPIRED : NetErrorCode.TLS_UNTRUSTED_SERVER, t,
                        "server certificate rejected: " + trust.failure.getMessage() + chainText,
                        expired ? "the server certificate is expired or not yet valid (or this machine's clock is wrong)"
                                : "the server certificate is not issued by a CA this wallet trusts (wrong wallet, or a TLS-inspecting proxy"
                                        + " replaced the certificate)",
                        expired ? "check the system clock; if it is right the server's certificate must be renewed"
                                : "use the wallet downloaded for this database; compare the chain above with `orathin wallet show`");
                return false;
            }
            String lower = msg.toLowerCase(Locale.ROOT);
            if (lower.contains("bad_certificate") || lower.contains("certificate_required") || lower.contains("unknown_ca")
                    || lower.contains("certificate_unknown") || lower.contains("access_denied")) {
                fail(scope, "TLS", NetErrorCode.TLS_CLIENT_REJECTED, t, "the server ended the handshake: " + msg,
                        "the server rejected the client certificate (not from this database's wallet, revoked, or none sent)",
                        "download the current wallet for this database; the wallet must hold a private key (`orathin wallet check`)");
                return false;
            }
            if (trust.chain != null && wallet != null && wallet.privateKey().isPresent()) {
                // the server's certificate passed and ours was sent: a server that then drops the connection rejected it
                // (over TLS 1.3 the server's alert often arrives as a reset, not as a readable alert)
                fail(scope, "TLS", NetErrorCode.TLS_CLIENT_REJECTED, t, "the server closed the connection after receiving the client certificate ("
                        + msg + "); server chain " + subjects(trust.chain),
                        "the server rejected the client certificate (not from this database's wallet, revoked or expired)",
                        "download the current wallet for this database; `orathin wallet check` shows the client certificate");
                return false;
            }
            fail(scope, "TLS", NetErrorCode.TLS_HANDSHAKE_FAILED, t, "handshake failed: " + msg + (e instanceof SSLException ? "" : " (" + e.getClass().getSimpleName() + ")"),
                    "the server closed the connection during the handshake, or does not speak TLS here",
                    "check PROTOCOL=tcps and the port; with SSL_VERSION set, try without it");
            return false;
        } finally {
            close(ssl);
        }
    }

    /** How long to wait, after a TLS 1.3 handshake, for the server's verdict on the client certificate. */
    static final Duration LATE_REJECTION_WAIT = Duration.ofMillis(300);

    /**
     * In TLS 1.3 the client finishes its handshake before the server has checked the client
     * certificate; a rejection arrives afterwards as an alert or a reset. The listener sends
     * nothing until the client's CONNECT, so a short read that times out means "not rejected".
     */
    private static void awaitLateRejection(SSLSocket ssl) throws IOException {
        int previous = ssl.getSoTimeout();
        ssl.setSoTimeout((int) LATE_REJECTION_WAIT.toMillis());
        try {
            int b = ssl.getInputStream().read();
            if (b < 0) {
                throw new SSLException("connection closed by the server right after the handshake");
            }
        } catch (SocketTimeoutException quiet) {
            // the expected case: the server waits for the Oracle Net CONNECT
        } finally {
            ssl.setSoTimeout(previous);
        }
    }

    private boolean dnCheck(String scope, X509Certificate cert, Route route) {
        long t = System.nanoTime();
        Route.TlsOptions tls = route.tls();
        String subject = cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
        String actual = "certificate subject \"" + subject + "\", SANs " + sans(cert);
        if (tls.serverCertDn() != null && !tls.serverCertDn().isBlank()) {
            if (sameDn(tls.serverCertDn(), subject)) {
                add(scope, "DN", Status.OK, t, "expected DN \"" + tls.serverCertDn() + "\" = " + actual, null, null);
                return true;
            }
            fail(scope, "DN", NetErrorCode.TLS_DN_MISMATCH, t, "expected DN \"" + tls.serverCertDn() + "\" but " + actual,
                    "SSL_SERVER_CERT_DN does not match the certificate: another server, or an outdated DN in tnsnames.ora",
                    "if this is the right server set ssl_server_cert_dn=\"" + subject + "\"; otherwise fix HOST/PORT");
            return false;
        }
        if (!tls.serverDnMatch()) {
            add(scope, "DN", Status.SKIP, t, "SSL_SERVER_DN_MATCH=no: not checked (" + actual + ")", null, null);
            return true;
        }
        if (hostMatches(route.host(), cert)) {
            add(scope, "DN", Status.OK, t, "expected host " + route.host() + " matches " + actual, null, null);
            return true;
        }
        if (tls.weakDnMatch() && route.serviceName() != null && route.serviceName().equalsIgnoreCase(commonName(subject))) {
            add(scope, "DN", Status.OK, t, "service " + route.serviceName() + " equals the certificate CN (weak DN match); " + actual, null, null);
            return true;
        }
        fail(scope, "DN", NetErrorCode.TLS_HOST_MISMATCH, t, "expected host " + route.host() + " but " + actual,
                "the certificate was issued for another host: HOST in tnsnames.ora is wrong, or a proxy or load balancer presents its own"
                        + " certificate",
                "connect with the host name the certificate names; or set ssl_server_cert_dn=\"" + subject + "\" if this is the right"
                        + " server");
        return false;
    }

    private boolean oracleNet(String scope, Route route, Wallet wallet, Duration timeout) {
        long t = System.nanoTime();
        try (NetSession s = NetConnector.connect(AttemptPlan.single(route), wallet, timeout)) {
            ConnectTrace trace = s.trace();
            Duration ns = trace.phases().get(ConnectAttempt.Phase.NS);
            boolean redirected = !trace.route().equals(route.toString());
            boolean handoff = trace.phases().containsKey(ConnectAttempt.Phase.TLS2);
            add(scope, "NET", Status.OK, t, (handoff ? "RESEND (listener hand-off), then " : "") + "ACCEPT: Oracle Net version "
                    + s.protocolVersion() + ", SDU " + s.sdu() + (redirected ? "; REDIRECT followed to " + trace.route() : "")
                    + (ns != null ? "; " + ns.toMillis() + " ms" : "") + ", " + trace.roundTrips() + " round trips", null, null);
            Duration tls2 = trace.phases().get(ConnectAttempt.Phase.TLS2);
            if (handoff) {
                add(scope, "TLS2", Status.OK, System.nanoTime() - tls2.toNanos(), "second TLS handshake with the database after the hand-off: " + tls2.toMillis() + " ms", null, null);
            } else {
                add(scope, "TLS2", Status.SKIP, t, "no hand-off: the listener accepted directly", null, null);
            }
            return true;
        } catch (NetException e) {
            ConnectAttempt.Phase phase = e.attempts().isEmpty() ? null : e.attempts().get(e.attempts().size() - 1).phase();
            if (phase == ConnectAttempt.Phase.TLS2) {
                add(scope, "NET", Status.OK, t, "RESEND (listener hand-off)", null, null);
                fail(scope, "TLS2", e, t, "", tlsCause(e.errorCode()),
                        "the database certificate (second handshake) must also be trusted and match: compare with `orathin wallet show`");
                return false;
            }
            fail(scope, "NET", e, t, answer(e), netCause(e.errorCode()), netFix(e.errorCode()));
            return false;
        } catch (OrathinException e) {
            fail(scope, "NET", e, t, "", "the Oracle Net exchange failed", "run with --verbose and report the message");
            return false;
        }
    }

    private static String answer(NetException e) {
        if (e.errorCode() instanceof NetErrorCode c) {
            return switch (c) {
                case LISTENER_REFUSED, SERVICE_NOT_REGISTERED, SID_NOT_KNOWN -> "REFUSE: ";
                case TOO_MANY_REDIRECTS -> "REDIRECT loop: ";
                default -> "";
            };
        }
        return "";
    }

    private static String tlsCause(Object code) {
        return code == NetErrorCode.TLS_UNTRUSTED_SERVER ? "the database certificate is not trusted by the wallet"
                : code == NetErrorCode.TLS_HOST_MISMATCH || code == NetErrorCode.TLS_DN_MISMATCH ? "the database certificate does not match"
                : "the second TLS handshake failed";
    }

    private static String netCause(Object code) {
        if (code instanceof NetErrorCode c) {
            return switch (c) {
                case SERVICE_NOT_REGISTERED -> "the listener does not know this service (ORA-12514): wrong SERVICE_NAME, or the database is stopped";
                case SID_NOT_KNOWN -> "the listener does not know this SID (ORA-12505)";
                case LISTENER_REFUSED -> "the listener refused the connection";
                case TOO_MANY_REDIRECTS -> "the listener keeps redirecting";
                case NATIVE_ENCRYPTION_REQUIRED -> "the server requires Native Network Encryption, which orathin does not implement";
                case CONNECT_TIMEOUT, RECV_TIMEOUT, OVERALL_TIMEOUT -> "the server accepted TCP/TLS but did not answer the Oracle Net CONNECT in time";
                case TLS_CLIENT_REJECTED -> "the server rejected the client certificate after the handshake (TLS 1.3 reports it late)";
                case TLS_UNTRUSTED_SERVER, TLS_HOST_MISMATCH, TLS_DN_MISMATCH, TLS_CERT_EXPIRED, TLS_HANDSHAKE_FAILED ->
                        "a TLS check failed when the driver connected (see the message)";
                default -> "the Oracle Net connect failed";
            };
        }
        return "the Oracle Net connect failed";
    }

    private static String netFix(Object code) {
        if (code instanceof NetErrorCode c) {
            return switch (c) {
                case SERVICE_NOT_REGISTERED, SID_NOT_KNOWN -> "check SERVICE_NAME in the alias against the wallet of this database;"
                        + " ADB: make sure the database is started";
                case NATIVE_ENCRYPTION_REQUIRED -> "use a TCPS address (TLS) instead";
                case TLS_CLIENT_REJECTED -> "download the current wallet for this database; `orathin wallet check` shows the client certificate";
                case CONNECT_TIMEOUT, RECV_TIMEOUT, OVERALL_TIMEOUT -> "check that this port is an Oracle listener; raise CONNECT_TIMEOUT if the"
                        + " link is slow";
                default -> "see the message; `orathin resolve` shows the descriptor that was sent";
            };
        }
        return "see the message";
    }

    private boolean login(boolean anyAccepted) {
        long t = System.nanoTime();
        if (!anyAccepted) {
            add("login", "LOGIN", Status.SKIP, t, "no address reached the database", null, null);
            return false;
        }
        char[] pw;
        try {
            pw = conn.password(io, false);
        } catch (OrathinException e) {
            fail("login", "LOGIN", e, t, "", "the password source cannot be read", "check --password-env/--password-file");
            return false;
        }
        if (pw == null) {
            add("login", "LOGIN", Status.SKIP, t, "no password source (--password-env, --password-file or a terminal)", null, null);
            return true;
        }
        ConnectParams.Builder b = ConnectParams.builder().configDir(conn.configDir).dsn(conn.dsn).user(conn.user).password(pw)
                .walletLocation(conn.wallet).walletPassword(conn.walletPassword(io)).connectTimeout(conn.connectTimeout());
        conn.params().forEach(b::param);
        Arrays.fill(pw, '\0');
        try (OracleConnection c = Orathin.connect(b.build())) {
            c.ping();
            add("login", "LOGIN", Status.OK, t, "logged in as " + conn.user + ": " + c.banner() + ", session " + c.sessionId() + ","
                    + c.serialNumber() + "; connect " + c.connectTrace().phases().values().stream().mapToLong(Duration::toMillis).sum()
                    + " ms in " + c.connectTrace().roundTrips() + " round trips", null, null);
            return true;
        } catch (OrathinException e) {
            boolean auth = e.getMessage().contains("ORA-01017");
            fail("login", "LOGIN", e, t, "",
                    auth ? "wrong user name or password (or the account is locked)" : "the login failed",
                    auth ? "check the user and password; ADB: the ADMIN password is set in the console" : "see the message");
            return false;
        }
    }

    private static String subjects(X509Certificate[] chain) {
        if (chain == null) {
            return "[]";
        }
        return Arrays.stream(chain).map(c -> c.getSubjectX500Principal().getName()).toList().toString();
    }

    private static String anchor(X509Certificate[] chain, Wallet wallet) {
        if (chain == null || chain.length == 0) {
            return "unknown";
        }
        X509Certificate last = chain[chain.length - 1];
        List<X509Certificate> trusted = wallet != null ? wallet.trustedCertificates() : List.of();
        for (X509Certificate c : trusted) {
            if (c.equals(last) || c.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
                return c.getSubjectX500Principal().getName() + " (wallet)";
            }
        }
        return last.getIssuerX500Principal().getName() + (wallet == null ? " (JDK trust store)" : "");
    }

    private static Throwable rootCause(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r;
    }

    private static void close(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // closing a probe socket: nothing to report
            }
        }
    }

    static boolean sameDn(String expected, String actual) {
        try {
            return new HashSet<>(new LdapName(expected).getRdns()).equals(new HashSet<>(new LdapName(actual).getRdns()));
        } catch (InvalidNameException | IllegalArgumentException e) {
            return false;
        }
    }

    static List<String> sans(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> all = cert.getSubjectAlternativeNames();
            if (all != null) {
                for (List<?> san : all) {
                    int type = (Integer) san.get(0);
                    out.add((type == 2 ? "DNS:" : type == 7 ? "IP:" : type + ":") + san.get(1));
                }
            }
        } catch (java.security.cert.CertificateParsingException e) {
            out.add("(unreadable)");
        }
        return out;
    }

    /** Host against SAN DNS/IP, else CN when there is no DNS SAN; a single {@code *} in the first label (same rule as the driver). */
    static boolean hostMatches(String host, X509Certificate cert) {
        String h = host.toLowerCase(Locale.ROOT);
        List<String> dns = new ArrayList<>();
        for (String san : sans(cert)) {
            if (san.startsWith("IP:") && san.substring(3).equalsIgnoreCase(h)) {
                return true;
            }
            if (san.startsWith("DNS:")) {
                dns.add(san.substring(4).toLowerCase(Locale.ROOT));
            }
        }
        if (dns.isEmpty()) {
            String cn = commonName(cert.getSubjectX500Principal().getName(X500Principal.RFC2253));
            return cn != null && nameMatches(h, cn.toLowerCase(Locale.ROOT));
        }
        return dns.stream().anyMatch(d -> nameMatches(h, d));
    }

    private static boolean nameMatches(String host, String pattern) {
        if (host.equals(pattern)) {
            return true;
        }
        int hd = host.indexOf('.');
        int pd = pattern.indexOf('.');
        if (hd < 0 || pd < 0 || !host.substring(hd).equals(pattern.substring(pd)) || pattern.indexOf('.', pd + 1) < 0) {
            return false;
        }
        String label = pattern.substring(0, pd);
        int star = label.indexOf('*');
        if (star < 0 || label.indexOf('*', star + 1) >= 0) {
            return false;
        }
        String hostLabel = host.substring(0, hd);
        return hostLabel.startsWith(label.substring(0, star)) && hostLabel.endsWith(label.substring(star + 1))
                && hostLabel.length() >= label.length() - 1;
    }

    private static String commonName(String dn) {
        try {
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }
}
