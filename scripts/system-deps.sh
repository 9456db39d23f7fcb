#!/usr/bin/env bash
# Installs the Debian packages the tests need (PHP, MariaDB, Redis and php-redis, PHPUnit,
# Chromium's headless shell, ShellCheck, PHP_CodeSniffer), only when they are missing.
# Safe to re-run; needs root (as on CI and dev machines).
#
# --full-chromium also installs the full browser (/usr/bin/chromium), which only the bench
# and headed debugging use: the tests run the headless shell, and leaving the full browser
# out saves 88 MB of downloads and its GTK dependencies on a fresh machine.
set -euo pipefail

full_chromium=0
[ "${1:-}" = "--full-chromium" ] && full_chromium=1

need=()
modules=""
if command -v php >/dev/null 2>&1; then
	modules="$(php -m 2>/dev/null | tr 'A-Z' 'a-z')"
else
	need+=(php-cli)
fi
has_module() { grep -qx "$1" <<<"$modules"; }
has_module mysqli || need+=(php-mysql)
has_module pdo_sqlite || need+=(php-sqlite3)
has_module dom || need+=(php-xml)
has_module mbstring || need+=(php-mbstring)
has_module curl || need+=(php-curl)
has_module intl || need+=(php-intl)
has_module redis || need+=(php-redis)
command -v phpunit >/dev/null 2>&1 || need+=(phpunit)
command -v mariadbd >/dev/null 2>&1 || need+=(mariadb-server)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ "$full_chromium" = 0 ] || [ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/lib/chromium/chromium-headless-shell ] || need+=(chromium-headless-shell)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v shellcheck >/dev/null 2>&1 || need+=(shellcheck)
command -v phpcs >/dev/null 2>&1 || need+=(php-codesniffer)
command -v unzip >/dev/null 2>&1 || need+=(unzip)

if [ ${#need[@]} -eq 0 ]; then
	exit 0
fi
echo "Installing Debian packages: ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# No translated package descriptions: nothing here reads them.
$SUDO apt-get -o Acquire::Languages=none update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
