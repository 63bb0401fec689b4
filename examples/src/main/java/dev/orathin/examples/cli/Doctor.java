package dev.orathin.examples.cli;

import static dev.orathin.examples.cli.DoctorAdvice.anchor;
import static dev.orathin.examples.cli.DoctorAdvice.answer;
import static dev.orathin.examples.cli.DoctorAdvice.failStep;
import static dev.orathin.examples.cli.DoctorAdvice.netCause;
import static dev.orathin.examples.cli.DoctorAdvice.netFix;
import static dev.orathin.examples.cli.DoctorAdvice.ok;
import static dev.orathin.examples.cli.DoctorAdvice.subjects;
import static dev.orathin.examples.cli.DoctorEvents.failure;
import static dev.orathin.examples.cli.DoctorEvents.identity;
import static dev.orathin.examples.cli.DoctorEvents.lateRejection;
import static dev.orathin.examples.cli.DoctorEvents.nextRoute;
import static dev.orathin.examples.cli.DoctorEvents.target;

import dev.orathin.examples.cli.DoctorAdvice.Advice;
import dev.orathin.examples.cli.DoctorEvents.Recorder;
import dev.orathin.examples.cli.DoctorEvents.Timed;
import dev.orathin.ConnectParams;
import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.errors.ErrorCode;
import dev.orathin.errors.OrathinException;
import dev.orathin.net.AttemptPlan;
import dev.orathin.net.ConnectAttempt;
import dev.orathin.net.ConnectEvent;
import dev.orathin.net.IdentityVerdict;
import dev.orathin.net.internal.session.NetConnector;
import dev.orathin.net.NetErrorCode;
import dev.orathin.net.NetException;
import dev.orathin.net.NetSession;
import dev.orathin.net.Route;
import dev.orathin.net.naming.NamingErrorCode;
import dev.orathin.net.naming.ResolvedConnect;
import dev.orathin.wallet.Wallet;
import dev.orathin.wallet.WalletDescription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connection doctor: the checks users otherwise do by hand (nslookup, nc, curl -x, openssl
 * s_client, reading certificates), in order, each with its result, timing and, when it fails, the
 * likely cause and the fix.
 *
 * <p>Global steps: config directory, dsn resolution (with the IFILE chain), wallet. Then for each
 * planned address: DNS (all IPs), TCP, proxy CONNECT, TLS handshake (protocol, cipher, server
 * chain, trust anchor, client certificate), DN/host match, the Oracle Net answer (ACCEPT / REFUSE /
 * REDIRECT / RESEND), the second TLS handshake of the hand-off; then login when a user is given. An
 * address stops at its first blocking failure.
 *
 * <p>The doctor has no network code of its own: each address is connected by {@code NetConnector}
 * over that one route (no retries), and the steps are the driver's {@link ConnectEvent}s; a FAIL
 * carries the driver's own {@link NetException} and its code, so what the doctor reports is what
 * the driver does. Every step is bounded by the driver's own TRANSPORT_CONNECT_TIMEOUT (TCP) and
 * CONNECT_TIMEOUT (proxy, TLS, Oracle Net) of the route, the address as a whole by twice
 * CONNECT_TIMEOUT plus TRANSPORT_CONNECT_TIMEOUT (which also bounds name resolution), the login by
 * {@code --connect-timeout}.
 */
public final class Doctor {

    /** Result of a step. */
    public enum Status { OK, WARN, FAIL, SKIP }

    /**
     * One diagnosed step.
     *
     * @param scope "setup", "login" or the address ({@code tcps://host:port [via proxy]})
     * @param name the step (CONFIG, CONFIG-SOURCE, RESOLVE, WALLET, PLAN, DNS, TCP, PROXY, TLS, DN, NET, TLS2, LOGIN)
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
        return fail(scope, name, e.errorCode(), startNanos, prefix + e.detail(), cause, fix);
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
        ConnectParams setupParams = conn.setupParams(io);
        if (dev.orathin.internal.config.CentralConfig.applies(conn.dsn)) {
            t = System.nanoTime();
            try {
                dev.orathin.internal.config.CentralConfig.Expanded e = dev.orathin.internal.config.CentralConfig.expandWithOrigin(setupParams);
                setupParams = e.params();
                add(setup, "CONFIG-SOURCE", Status.OK, t, e.origin(), null, null);
            } catch (OrathinException e) {
                fail(setup, "CONFIG-SOURCE", e, t, "", "the connect configuration document cannot be used",
                        "check the path or URL, the JSON, and that every password reference (env:NAME, file:PATH) resolves");
                return new Report(dev.orathin.net.Redaction.connectString(conn.dsn), steps, false);
            }
        }
        t = System.nanoTime();
        try {
            resolved = Orathin.resolve(setupParams);
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
            plan = Orathin.plan(resolved);
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
            Orathin.ChosenWallet chosen = Orathin.chooseWallet(setupParams, resolved);
            wallet = chosen == null ? null : chosen.wallet();
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

    /**
     * Diagnoses one address by running the driver's own connect over it (one route, no retries) and
     * turning its events into steps; true when it reached ACCEPT.
     */
    private boolean probe(Route route, Wallet wallet) {
        Recorder rec = new Recorder();
        long start = System.nanoTime();
        // each attempt is bounded by the route's own TRANSPORT_CONNECT_TIMEOUT/CONNECT_TIMEOUT; the overall bound is
        // above CONNECT_TIMEOUT so that the timeout reported is the attempt's own, and leaves room for a second IP
        Duration overall = route.timeouts().connect().multipliedBy(2);
        // the driver bounds every step but name resolution (the JDK resolver's own timeouts): the doctor bounds the whole
        CompletableFuture<NetSession> connect = CompletableFuture.supplyAsync(
                () -> NetConnector.connect(AttemptPlan.single(route), wallet, overall, rec), Doctor::daemon);
        Duration bound = overall.plus(route.timeouts().transportConnect());
        NetException failed = null;
        try (NetSession s = connect.get(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            // the open session is the proof that the address works; login is checked separately
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NetException ne) {
                failed = ne;
            } else if (e.getCause() instanceof OrathinException oe) {
                fail(route.toString(), route.isTcps() ? "TLS" : "NET", oe, start, "", "the connect could not be set up with this wallet",
                        "`orathin wallet check` on the wallet");
                return false;
            } else {
                throw new IllegalStateException("the connect over " + route + " failed unexpectedly", e.getCause());
            }
        } catch (TimeoutException e) {
            connect.thenAccept(NetSession::close); // should it still succeed, the session is closed at once
            failed = new NetException(NetErrorCode.OVERALL_TIMEOUT, route + ": no result from the driver within " + bound.toMillis()
                    + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connect.thenAccept(NetSession::close);
            return false;
        }
        return replay(route, wallet, start, rec.events(), failed);
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "orathin-doctor-connect");
        t.setDaemon(true);
        t.start();
    }

    /** Turns one address's connect events into steps (see the class comment for the order). */
    private boolean replay(Route route, Wallet wallet, long start, List<Timed> events, NetException failed) {
        String scope = route.toString();
        long prev = start;
        String hop = ""; // "after REDIRECT: " once the listener sent the connect elsewhere
        String netPrefix = "";
        Step tls2 = null; // the second handshake, shown after the NET answer it belongs to
        ConnectEvent.TlsHandshakeDone handshake = null;
        IdentityVerdict failedVerdict = null;
        boolean dnsShown = false;
        boolean accepted = false;
        boolean failureShown = false;
        for (int i = 0; i < events.size(); i++) {
            ConnectEvent e = events.get(i).event();
            long now = events.get(i).nanos();
            long sinceLast = (now - prev) / 1_000_000;
            prev = now;
            if (!dnsShown && hop.isEmpty() && !(e instanceof ConnectEvent.DnsResolved)) {
                dnsShown = true;
                if (!(e instanceof ConnectEvent.AttemptFailed f && f.phase() == ConnectAttempt.Phase.DNS)) {
                    record(ok(scope, "DNS", Status.SKIP, 0, route.proxy() != null ? "via the HTTPS proxy: the proxy resolves the database host "
                            + route.host() : "the address " + route.address() + " was given: nothing to resolve"));
                }
            }
            if (e instanceof ConnectEvent.DnsResolved d) {
                dnsShown = true;
                record(ok(scope, "DNS", Status.OK, d.took().toMillis(), route.host() + " -> " + d.addresses()));
            } else if (e instanceof ConnectEvent.TcpConnected c) {
                record(ok(scope, "TCP", Status.OK, c.took().toMillis(), hop + c.remote() + " connected"
                        + (route.proxy() != null ? " (proxy)" : "")));
                if (hop.isEmpty() && route.proxy() == null) {
                    record(ok(scope, "PROXY", Status.SKIP, 0, "no HTTPS proxy configured"));
                }
                if (hop.isEmpty() && !route.isTcps()) {
                    record(ok(scope, "TLS", Status.SKIP, 0, "plain TCP address (no TLS)"));
                    record(ok(scope, "DN", Status.SKIP, 0, "plain TCP address"));
                }
            } else if (e instanceof ConnectEvent.ProxyTunnelOpened p) {
                record(ok(scope, "PROXY", Status.OK, p.took().toMillis(), hop + "CONNECT " + target(p.route()) + " -> " + p.statusLine()));
            } else if (e instanceof ConnectEvent.TlsHandshakeDone h) {
                handshake = h;
                String name = h.handshake() == 1 ? "TLS" : "TLS2";
                if (lateRejection(events, i)) {
                    // TLS 1.3: the client finished its handshake, then the server's verdict on our certificate arrived
                    ConnectEvent.AttemptFailed f = failure(events, i);
                    record(failStep(scope, name, f.error(), h.took().toMillis(), hop + h.protocol() + " handshake completed, then: ",
                            "the server rejected the client certificate (not from this database's wallet, revoked or expired);"
                                    + " over TLS 1.3 the server says so only after the handshake",
                            "download the current wallet for this database; `orathin wallet check` shows the client certificate"));
                    return false;
                }
                String detail = hop + h.protocol() + " " + h.cipherSuite() + "; server chain " + subjects(h.peerChain())
                        + "; trust anchor " + anchor(h.peerChain(), wallet) + (h.clientCertificate() != null ? "; client certificate "
                        + h.clientCertificate().getSubjectX500Principal().getName() : "; no client certificate sent");
                if (h.handshake() == 1) {
                    record(ok(scope, name, Status.OK, h.took().toMillis(), detail));
                } else {
                    tls2 = ok(scope, name, Status.OK, h.took().toMillis(), "second TLS handshake with the database after the hand-off: "
                            + detail);
                }
            } else if (e instanceof ConnectEvent.IdentityChecked c) {
                IdentityVerdict v = c.verdict();
                if (!v.ok()) {
                    failedVerdict = v; // shown with the driver's error (AttemptFailed follows)
                } else if (c.handshake() == 2 && tls2 != null) {
                    tls2 = ok(scope, "TLS2", Status.OK, tls2.millis(), tls2.detail() + "; identity " + v);
                } else {
                    record(ok(scope, "DN", v.mode() == IdentityVerdict.Mode.OFF ? Status.SKIP : Status.OK, 0, hop + identity(v)));
                }
            } else if (e instanceof ConnectEvent.NetAnswer a) {
                switch (a.kind()) {
                    case RESEND -> netPrefix += a.detail().isEmpty() ? "RESEND, then " : "RESEND (listener hand-off), then ";
                    case REDIRECT -> {
                        Route next = nextRoute(events, i, a.route());
                        record(ok(scope, "NET", Status.OK, sinceLast, hop + netPrefix + "REDIRECT followed to "
                                + (next != null ? next : a.detail().replaceFirst("^to ", ""))));
                        netPrefix = "";
                        hop = "after REDIRECT: ";
                        if (tls2 != null) {
                            record(tls2);
                            tls2 = null;
                        }
                    }
                    case ACCEPT -> {
                        record(ok(scope, "NET", Status.OK, sinceLast, hop + netPrefix + "ACCEPT: Oracle Net " + a.detail()));
                        record(tls2 != null ? tls2 : ok(scope, "TLS2", Status.SKIP, 0, route.isTcps()
                                ? "no hand-off: the listener accepted directly" : "plain TCP address (no TLS)"));
                        tls2 = null;
                    }
                    case REFUSE -> {
                        // the failure that follows carries the decoded error
                    }
                }
            } else if (e instanceof ConnectEvent.AttemptFailed f) {
                failureShown = true;
                if (tls2 != null) {
                    record(tls2);
                    tls2 = null;
                }
                showFailure(scope, hop, f, failedVerdict, handshake, netPrefix, sinceLast, wallet);
                // the next attempt (another IP of the host) starts afresh
                failedVerdict = null;
                handshake = null;
                netPrefix = "";
                hop = "";
            } else if (e instanceof ConnectEvent.Connected) {
                accepted = true;
            }
            // AttemptEnded, RetryScheduled, ConnectFailed: summaries of what is shown already
        }
        if (!accepted && !failureShown && failed != null) {
            // no attempt ran to its end (the overall bound expired first): the failure belongs to the connect as a whole
            boolean reached = events.stream().anyMatch(t -> t.event() instanceof ConnectEvent.TcpConnected);
            fail(scope, reached ? "NET" : "DNS", failed, prev, "", reached ? netCause(failed.errorCode()) : "the name does not resolve in time"
                    + " from this machine", reached ? netFix(failed.errorCode()) : "check the resolver configuration (/etc/resolv.conf) or VPN");
        }
        return accepted;
    }

    /** One failed attempt as a FAIL on the step of its phase, with the driver's error and the advice for its code. */
    private void showFailure(String scope, String hop, ConnectEvent.AttemptFailed f, IdentityVerdict verdict,
            ConnectEvent.TlsHandshakeDone handshake, String netPrefix, long millis, Wallet wallet) {
        NetException e = f.error();
        Object code = e.errorCode();
        Route route = f.route();
        switch (f.phase()) {
            case DNS -> record(failStep(scope, "DNS", e, millis, hop, "the name does not resolve from this machine",
                    route.proxy() != null ? "check the https_proxy host name" : "check HOST in the descriptor, your DNS or VPN; behind a"
                            + " corporate firewall set https_proxy/https_proxy_port"));
            case TCP -> {
                boolean refused = code == NetErrorCode.TCP_REFUSED;
                boolean timedOut = code == NetErrorCode.TCP_CONNECT_TIMEOUT || code == NetErrorCode.CONNECT_TIMEOUT
                        || code == NetErrorCode.OVERALL_TIMEOUT;
                record(failStep(scope, "TCP", e, millis, hop, refused ? "nothing listens on this port, or a firewall rejects the connection"
                        : timedOut ? "no answer within TRANSPORT_CONNECT_TIMEOUT (" + route.timeouts().transportConnect().toSeconds()
                                + " s): a firewall drops the packets" : "the network refused the connection",
                        route.proxy() != null ? "check https_proxy_port and that the proxy runs"
                                : "check PORT (ADB listens on 1522) and outbound firewall rules; ADB with an access control list must allow"
                                        + " your public IP; behind a corporate firewall use https_proxy"));
            }
            case PROXY -> {
                Matcher m = Pattern.compile("tunnel: (\\d{3})").matcher(String.valueOf(e.getMessage()));
                int status = code == NetErrorCode.PROXY_REFUSED && m.find() ? Integer.parseInt(m.group(1)) : -1;
                boolean silent = code != NetErrorCode.PROXY_REFUSED;
                String target = target(route);
                record(failStep(scope, "PROXY", e, millis, hop, silent ? "the proxy does not answer CONNECT, or closed the connection"
                        : switch (status) {
                            case 407 -> "the proxy requires authentication";
                            case 403 -> "the proxy forbids tunnels to this host or port";
                            case 502, 503, 504 -> "the proxy cannot reach the database host";
                            default -> "the proxy refused the tunnel";
                        }, silent ? "check https_proxy/https_proxy_port: is this an HTTP proxy?" : switch (status) {
                            case 407 -> "give proxy credentials: https_proxy=user:password@host (or the proxy settings of your environment)";
                            case 403 -> "ask the proxy administrator to allow CONNECT to " + target + " (ADB uses port 1522)";
                            case 502, 503, 504 -> "check the database host name; the proxy's DNS must resolve it";
                            default -> "check https_proxy/https_proxy_port";
                        }));
            }
            case TLS, TLS2 -> {
                String name = f.phase() == ConnectAttempt.Phase.TLS ? "TLS" : "TLS2";
                if (f.phase() == ConnectAttempt.Phase.TLS2) {
                    record(ok(scope, "NET", Status.OK, 0, hop + netPrefix.replaceFirst(", then $", "")));
                }
                if (verdict != null) {
                    String subject = handshake == null ? "?" : handshake.peerChain().get(0).getSubjectX500Principal().getName(
                            javax.security.auth.x500.X500Principal.RFC2253);
                    record(failStep(scope, f.phase() == ConnectAttempt.Phase.TLS ? "DN" : "TLS2", e, millis, hop + identity(verdict) + "; ",
                            verdict.mode() == IdentityVerdict.Mode.CERT_DN
                                    ? "SSL_SERVER_CERT_DN does not match the certificate: another server, or an outdated DN in tnsnames.ora"
                                    : "the certificate was issued for another host: HOST in tnsnames.ora is wrong, or a proxy or load balancer"
                                            + " presents its own certificate",
                            verdict.mode() == IdentityVerdict.Mode.CERT_DN ? "if this is the right server set ssl_server_cert_dn=\"" + subject
                                    + "\"; otherwise fix HOST/PORT" : "connect with the host name the certificate names; or set"
                                    + " ssl_server_cert_dn=\"" + subject + "\" if this is the right server"));
                    return;
                }
                Advice advice = Advice.tls(code);
                Step s = failStep(scope, name, e, millis, hop, advice.cause(), advice.fix());
                if (code == NetErrorCode.TLS_UNTRUSTED_SERVER) {
                    // the driver stops at the failed trust check, so what the client trusts is what can be shown next to it
                    s = new Step(s.scope(), s.name(), s.status(), s.millis(), s.detail() + "; the " + (wallet == null ? "JDK trust store is used"
                            : "wallet trusts " + subjects(wallet.trustedCertificates())), s.cause(), s.fix(), s.code());
                }
                record(s);
            }
            default -> record(failStep(scope, "NET", e, millis, hop + netPrefix + answer(e), netCause(code), netFix(code)));
        }
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
            boolean auth = e instanceof dev.orathin.OracleDatabaseException d && d.oraCode() == 1017;
            fail("login", "LOGIN", e, t, "",
                    auth ? "wrong user name or password (or the account is locked)" : "the login failed",
                    auth ? "check the user and password; ADB: the ADMIN password is set in the console" : "see the message");
            return false;
        }
    }

}
