#!/bin/bash
# Installs the real FTP servers the tests start (pyftpdlib with python3-openssl for its TLS
# handler, and vsftpd; ProFTPD with mod_tls and Pure-FTPd, unpacked beside them) and the local
# account they log in with. Idempotent and quick when everything is present.
# Run as root on Debian 12. The packages' own services are never started: the tests start
# their own server processes on free 127.0.0.1 ports.
#
#   FTP_TEST_USER / FTP_TEST_PASSWORD (defaults ftptest / ftptest) must match what the tests use.
set -euo pipefail

user="${FTP_TEST_USER:-ftptest}"
password="${FTP_TEST_PASSWORD:-ftptest}"

# proftpd-core, pure-ftpd and vsftpd all declare "Conflicts: ftp-server": the first two are
# unpacked here, never installed (so no service of theirs is set up either).
unpacked=/opt/ftpanalyzers-test-servers
proftpd="$unpacked/proftpd/usr/sbin/proftpd"
pureftpd="$unpacked/pure-ftpd/usr/sbin/pure-ftpd"
# What proftpd-core 1.3.8 and pure-ftpd 1.0.50 link against (their Depends, minus the packaging
# tools a service needs), and openssl, which hashes the Pure-FTPd fixture's password.
unpacked_libraries="libacl1 libcap2 libcrypt1 libhiredis0.14 libidn2-0 libmemcached11 libmemcachedutil2 libncursesw6 libpam0g libpcre2-8-0 libpcre2-posix3 libsodium23 libssl3 libtinfo6 zlib1g openssl"

have_servers() {
  [ -x /usr/sbin/vsftpd ] && /usr/bin/python3 -c 'import pyftpdlib, OpenSSL' >/dev/null 2>&1
}

have_unpacked_servers() {
  [ -x "$proftpd" ] && [ -f "$unpacked/proftpd/usr/lib/proftpd/mod_tls.so" ] && "$proftpd" --version >/dev/null 2>&1 \
    && [ -x "$pureftpd" ] && "$pureftpd" --help >/dev/null 2>&1 \
    && command -v openssl >/dev/null 2>&1
}

# Unpacks a downloaded package into $unpacked/<name>.
unpack() {
  local name="$1" download
  download="$(mktemp -d)"
  # apt downloads as its own _apt user when it can write the folder
  if id _apt >/dev/null 2>&1; then chown _apt "$download"; fi
  (cd "$download" && apt-get -o DPkg::Lock::Timeout=300 download -qq "$name" >/dev/null)
  rm -rf "${unpacked:?}/$2"
  mkdir -p "$unpacked/$2"
  dpkg -x "$download"/"$name"_*.deb "$unpacked/$2"
  rm -rf "$download"
}

# Unpacks a downloaded package over what $unpacked/<folder> already holds.
unpack_into() {
  local name="$1" download
  download="$(mktemp -d)"
  if id _apt >/dev/null 2>&1; then chown _apt "$download"; fi
  (cd "$download" && apt-get -o DPkg::Lock::Timeout=300 download -qq "$name" >/dev/null)
  mkdir -p "$unpacked/$2"
  dpkg -x "$download"/"$name"_*.deb "$unpacked/$2"
  rm -rf "$download"
}

apt_updated=""
apt_update_once() {
  if [ -z "$apt_updated" ]; then
    apt-get -o DPkg::Lock::Timeout=300 update -qq
    apt_updated=yes
  fi
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
  apt_update_once
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends vsftpd python3-pyftpdlib python3-openssl >/dev/null
  cleanup_policy
  trap - EXIT
  # A service started by other means (systemd in a full VM) would hold port 21; stop it, it is not needed.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet vsftpd 2>/dev/null; then
    systemctl disable --now vsftpd >/dev/null 2>&1 || true
  fi
fi

if ! have_unpacked_servers; then
  export DEBIAN_FRONTEND=noninteractive
  apt_update_once
  # shellcheck disable=SC2086 # a list of package names
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends $unpacked_libraries >/dev/null
  unpack proftpd-core proftpd
  # mod_tls is not in proftpd-core: Debian 12 ships it in proftpd-mod-crypto, whose module
  # lands in the same usr/lib/proftpd folder when unpacked over it.
  unpack_into proftpd-mod-crypto proftpd
  unpack pure-ftpd pure-ftpd
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
have_unpacked_servers || { echo "ProFTPD or Pure-FTPd does not run from $unpacked after unpacking" >&2; exit 1; }
echo "FTP test servers ready: $(/usr/sbin/vsftpd -v 0>&1 | head -1); pyftpdlib $(/usr/bin/python3 -c 'import pyftpdlib; print(pyftpdlib.__ver__)'); $("$proftpd" --version 2>&1 | head -1); $("$pureftpd" --help 2>&1 | head -1 || true); user $user"
