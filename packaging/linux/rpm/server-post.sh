# softphone-server: a system user of its own and a data directory only it can read.
getent group softphone >/dev/null || groupadd --system softphone
getent passwd softphone >/dev/null || useradd --system --gid softphone \
    --home-dir /var/lib/softphone-server --shell /sbin/nologin softphone
install -d -m 0750 -o softphone -g softphone /var/lib/softphone-server
chgrp softphone /etc/softphone/server.json && chmod 0640 /etc/softphone/server.json
if [ -d /run/systemd/system ]; then systemctl daemon-reload >/dev/null 2>&1 || true; fi
