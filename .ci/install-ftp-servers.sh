#!/bin/bash
# Installs the real FTP servers the Ftp.Client integration tests start (pyftpdlib and vsftpd)
# and the local account vsftpd logs in with. Idempotent and quick when everything is present.
# Run as root on Debian 12. The packages' own services are never started: the tests start
# their own server processes on free 127.0.0.1 ports.
#
#   FTP_TEST_USER / FTP_TEST_PASSWORD (defaults ftptest / ftptest) must match what the tests use.
set -euo pipefail

user="${FTP_TEST_USER:-ftptest}"
password="${FTP_TEST_PASSWORD:-ftptest}"

have_servers() {
  [ -x /usr/sbin/vsftpd ] && /usr/bin/python3 -c 'import pyftpdlib' >/dev/null 2>&1
}

if ! have_servers; then
  export DEBIAN_FRONTEND=noninteractive
  # Keep the vsftpd package from starting its system service (invoke-rc.d honours policy-rc.d).
  policy=/usr/sbin/policy-rc.d
  restore_policy=""
  if [ -e "$policy" ]; then
    restore_policy="$(mktemp)"
    cp -p "$policy" "$restore_policy"
  fi
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod 755 "$policy"
  cleanup_policy() {
    if [ -n "$restore_policy" ]; then mv -f "$restore_policy" "$policy"; else rm -f "$policy"; fi
  }
  trap cleanup_policy EXIT
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends vsftpd python3-pyftpdlib >/dev/null
  cleanup_policy
  trap - EXIT
  # A service started by other means (systemd in a full VM) would hold port 21; stop it, it is not needed.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet vsftpd 2>/dev/null; then
    systemctl disable --now vsftpd >/dev/null 2>&1 || true
  fi
fi

# vsftpd authenticates local accounts through PAM: the tests log in as this user. No login
# shell; vsftpd changes into the home folder before the fixtures' local_root (a temp folder),
# so the home folder must exist, but it stays empty and read-only.
home="/var/lib/$user"
mkdir -p "$home"
chmod 755 "$home"
if ! id "$user" >/dev/null 2>&1; then
  useradd --no-create-home --home-dir "$home" --shell /usr/sbin/nologin "$user"
elif [ "$(getent passwd "$user" | cut -d: -f6)" != "$home" ]; then
  usermod --home "$home" "$user"
fi
echo "$user:$password" | chpasswd

have_servers || { echo "vsftpd or pyftpdlib is still missing after installation" >&2; exit 1; }
echo "FTP test servers ready: $(/usr/sbin/vsftpd -v 0>&1 | head -1); pyftpdlib $(/usr/bin/python3 -c 'import pyftpdlib; print(pyftpdlib.__ver__)'); user $user"
