#!/bin/bash
# Turns on TCPS (port 2484, mutual TLS) in an Oracle Database Free container and writes a client
# wallet to /opt/oracle/tcps/client. Run by RealDatabaseIT as the image's default user (oracle).
# Argument: the password of both wallets.
set -euo pipefail
PW="$1"
W=/opt/oracle/tcps
ORAPKI="$ORACLE_HOME/bin/orapki"
[ -x "$ORAPKI" ] || { echo "orapki not found at $ORAPKI: use a non-slim image (-Dorathin.it.oracleImage)"; exit 3; }
NA="$("$ORACLE_HOME/bin/orabasehome" 2>/dev/null || echo "$ORACLE_HOME")/network/admin"
mkdir -p "$W/server" "$W/client"

# server and client keys, self-signed, each trusting the other
"$ORAPKI" wallet create -wallet "$W/server" -pwd "$PW" -auto_login
"$ORAPKI" wallet add -wallet "$W/server" -pwd "$PW" -dn "CN=localhost,O=orathin realdb" -keysize 2048 -self_signed -validity 30 -sign_alg sha256
"$ORAPKI" wallet export -wallet "$W/server" -pwd "$PW" -dn "CN=localhost,O=orathin realdb" -cert "$W/server.crt"
"$ORAPKI" wallet create -wallet "$W/client" -pwd "$PW" -auto_login
"$ORAPKI" wallet add -wallet "$W/client" -pwd "$PW" -dn "CN=orathin client" -keysize 2048 -self_signed -validity 30 -sign_alg sha256
"$ORAPKI" wallet export -wallet "$W/client" -pwd "$PW" -dn "CN=orathin client" -cert "$W/client.crt"
"$ORAPKI" wallet add -wallet "$W/client" -pwd "$PW" -trusted_cert -cert "$W/server.crt"
"$ORAPKI" wallet add -wallet "$W/server" -pwd "$PW" -trusted_cert -cert "$W/client.crt"
chmod 644 "$W/client/"*

# listener: the existing TCP endpoint plus TCPS on 2484, with the server wallet
cat > "$NA/listener.ora" <<LSN
LISTENER =
  (DESCRIPTION_LIST =
    (DESCRIPTION = (ADDRESS = (PROTOCOL = IPC)(KEY = EXTPROC_FOR_FREE)))
    (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = 0.0.0.0)(PORT = 1521)))
    (DESCRIPTION = (ADDRESS = (PROTOCOL = TCPS)(HOST = 0.0.0.0)(PORT = 2484))))
WALLET_LOCATION = (SOURCE = (METHOD = FILE)(METHOD_DATA = (DIRECTORY = $W/server)))
SSL_CLIENT_AUTHENTICATION = TRUE
DEFAULT_SERVICE_LISTENER = FREE
LSN
cat >> "$NA/sqlnet.ora" <<SQN
WALLET_LOCATION = (SOURCE = (METHOD = FILE)(METHOD_DATA = (DIRECTORY = $W/server)))
SSL_CLIENT_AUTHENTICATION = TRUE
SQN
"$ORACLE_HOME/bin/lsnrctl" stop || true
"$ORACLE_HOME/bin/lsnrctl" start
echo "alter system register;" | "$ORACLE_HOME/bin/sqlplus" -s / as sysdba
"$ORACLE_HOME/bin/lsnrctl" status
