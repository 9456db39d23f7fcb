#!/usr/bin/env bash
# Installs the Debian packages the tests need (PHP, MariaDB, PHPUnit, Chromium),
# only when they are missing. Safe to re-run; needs root (as on CI and dev machines).
set -euo pipefail

need=()
command -v php >/dev/null 2>&1 || need+=(php-cli)
php -m 2>/dev/null | grep -qi '^mysqli$' || need+=(php-mysql)
php -m 2>/dev/null | grep -qi '^pdo_sqlite$' || need+=(php-sqlite3)
php -m 2>/dev/null | grep -qi '^dom$' || need+=(php-xml)
php -m 2>/dev/null | grep -qi '^mbstring$' || need+=(php-mbstring)
php -m 2>/dev/null | grep -qi '^curl$' || need+=(php-curl)
php -m 2>/dev/null | grep -qi '^intl$' || need+=(php-intl)
command -v phpunit >/dev/null 2>&1 || need+=(phpunit)
command -v mariadbd >/dev/null 2>&1 || need+=(mariadb-server)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v unzip >/dev/null 2>&1 || need+=(unzip)

if [ ${#need[@]} -eq 0 ]; then
	exit 0
fi
echo "Installing Debian packages: ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
