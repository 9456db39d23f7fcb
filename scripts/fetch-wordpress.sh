#!/usr/bin/env bash
# Puts WordPress core (latest 7.x) into .cache/wordpress-core, once.
#
# wordpress.org is tried first; machines that cannot reach it take core from
# Debian's `wordpress` package (suite forky), read through a private apt
# configuration so the system's sources are never touched. See
# docs/testing.md ("WordPress core without wordpress.org") for why each step is needed.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="$ROOT/.cache"
CORE="$CACHE/wordpress-core"

if [ -f "$CORE/wp-includes/version.php" ]; then
	exit 0
fi
mkdir -p "$CACHE"

try_wordpress_org() {
	local zip="$CACHE/wordpress-latest.zip"
	curl -fsSL --max-time 60 -o "$zip" https://wordpress.org/latest.zip 2>/dev/null || return 1
	rm -rf "$CACHE/wp-org" && mkdir -p "$CACHE/wp-org"
	unzip -q "$zip" -d "$CACHE/wp-org" || return 1
	mv "$CACHE/wp-org/wordpress" "$CORE"
	rm -rf "$CACHE/wp-org" "$zip"
}

from_debian() {
	local apt="$CACHE/apt-forky"
	mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/debs" "$apt/root"
	echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian forky main" >"$apt/sources.list"
	# Acquire::Languages=none: only the package lists, not their translations (13 MB less).
	local opts=(-o "Dir::Etc::sourcelist=$apt/sources.list" -o "Dir::Etc::sourceparts=-"
		-o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o "APT::Get::List-Cleanup=0"
		-o "Acquire::Languages=none")
	apt-get "${opts[@]}" update -qq
	# Core plus the packages its "dfsg" symlinks point into.
	(cd "$apt/debs" && apt-get "${opts[@]}" download -qq \
		wordpress/forky libjs-lodash/forky libjs-underscore/forky libphp-phpmailer/forky \
		php-getid3/forky libjs-jquery-ui/forky libjs-cropper/forky)
	for deb in "$apt/debs"/*.deb; do
		dpkg-deb -x "$deb" "$apt/root"
	done
	rm -rf "$CORE.tmp"
	# -L resolves the symlinks into the other packages; dangling ones (.htaccess -> /etc,
	# CA bundle) are skipped below.
	cp -rL "$apt/root/usr/share/wordpress" "$CORE.tmp" 2>/dev/null || true
	rm -f "$CORE.tmp/wp-config.php"
	mv "$CORE.tmp" "$CORE"
	rm -rf "$apt/root" "$apt/debs"
}

echo "Fetching WordPress core into .cache/wordpress-core (once)..."
if ! try_wordpress_org; then
	echo "wordpress.org unreachable; using Debian's wordpress package (forky)."
	from_debian
fi
grep -o "wp_version = '[^']*'" "$CORE/wp-includes/version.php"
