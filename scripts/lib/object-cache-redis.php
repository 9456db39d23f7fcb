<?php
/**
 * Test-only object-cache.php drop-in: WordPress's object cache kept in Redis (php-redis),
 * shared by every PHP worker, as a multi-server site runs it. scripts/test-site.mjs
 * --object-cache copies it to wp-content/object-cache.php and defines WPCA_REDIS_SOCKET.
 * Semantics follow core's WP_Object_Cache (groups, global and non-persistent groups,
 * per-blog keys, copies of objects), with a per-request runtime copy in front of Redis.
 *
 * @package wp-coding-agents-runtimes
 */

/**
 * The cache.
 */
class WPCA_Redis_Object_Cache {

	/** @var Redis */
	private $redis;

	/** @var array Runtime copies by full key. */
	private $local = array();

	/** @var array */
	private $global_groups = array();

	/** @var array */
	private $non_persistent_groups = array();

	/** @var string */
	private $blog_prefix = '';

	/** @var bool */
	private $multisite;

	public function __construct() {
		$this->redis = new Redis();
		$this->redis->connect( WPCA_REDIS_SOCKET );
		$this->multisite   = is_multisite();
		$this->blog_prefix = $this->multisite ? get_current_blog_id() . ':' : '';
	}

	private function key( $key, $group ) {
		$group = '' === (string) $group ? 'default' : (string) $group;
		$blog  = $this->multisite && ! isset( $this->global_groups[ $group ] ) ? $this->blog_prefix : '';
		return WPCA_REDIS_PREFIX . $blog . $group . ':' . $key;
	}

	private function persistent( $group ) {
		return ! isset( $this->non_persistent_groups[ '' === (string) $group ? 'default' : $group ] );
	}

	private static function copy( $value ) {
		return is_object( $value ) ? clone $value : $value;
	}

	public function get( $key, $group = 'default', $force = false, &$found = null ) {
		$id = $this->key( $key, $group );
		if ( ! $force && array_key_exists( $id, $this->local ) ) {
			$found = true;
			return self::copy( $this->local[ $id ] );
		}
		if ( ! $this->persistent( $group ) ) {
			$found = false;
			return false;
		}
		$stored = $this->redis->get( $id );
		if ( false === $stored ) {
			$found = false;
			return false;
		}
		$found              = true;
		$this->local[ $id ] = unserialize( $stored );
		return self::copy( $this->local[ $id ] );
	}

	public function set( $key, $data, $group = 'default', $expire = 0 ) {
		$id                 = $this->key( $key, $group );
		$this->local[ $id ] = self::copy( $data );
		if ( $this->persistent( $group ) ) {
			$expire = (int) $expire;
			return $expire > 0 ? $this->redis->setex( $id, $expire, serialize( $data ) ) : $this->redis->set( $id, serialize( $data ) );
		}
		return true;
	}

	public function add( $key, $data, $group = 'default', $expire = 0 ) {
		if ( wp_suspend_cache_addition() ) {
			return false;
		}
		$id = $this->key( $key, $group );
		if ( ! $this->persistent( $group ) ) {
			if ( array_key_exists( $id, $this->local ) ) {
				return false;
			}
			$this->local[ $id ] = self::copy( $data );
			return true;
		}
		$options = array( 'nx' );
		if ( (int) $expire > 0 ) {
			$options['ex'] = (int) $expire;
		}
		if ( ! $this->redis->set( $id, serialize( $data ), $options ) ) {
			return false;
		}
		$this->local[ $id ] = self::copy( $data );
		return true;
	}

	public function replace( $key, $data, $group = 'default', $expire = 0 ) {
		$found = false;
		$this->get( $key, $group, true, $found );
		return $found ? $this->set( $key, $data, $group, $expire ) : false;
	}

	public function delete( $key, $group = 'default' ) {
		$id      = $this->key( $key, $group );
		$existed = array_key_exists( $id, $this->local );
		unset( $this->local[ $id ] );
		if ( $this->persistent( $group ) ) {
			return $this->redis->del( $id ) > 0 || $existed;
		}
		return $existed;
	}

	public function incr( $key, $offset = 1, $group = 'default' ) {
		$found = false;
		$value = $this->get( $key, $group, true, $found );
		if ( ! $found ) {
			return false;
		}
		$value = max( 0, ( is_numeric( $value ) ? (int) $value : 0 ) + (int) $offset );
		$this->set( $key, $value, $group );
		return $value;
	}

	public function decr( $key, $offset = 1, $group = 'default' ) {
		return $this->incr( $key, -(int) $offset, $group );
	}

	public function flush() {
		$this->local = array();
		return $this->redis->flushDb();
	}

	public function flush_runtime() {
		$this->local = array();
		return true;
	}

	public function add_global_groups( $groups ) {
		foreach ( (array) $groups as $group ) {
			$this->global_groups[ $group ] = true;
		}
	}

	public function add_non_persistent_groups( $groups ) {
		foreach ( (array) $groups as $group ) {
			$this->non_persistent_groups[ $group ] = true;
		}
	}

	public function switch_to_blog( $blog_id ) {
		$this->blog_prefix = $this->multisite ? (int) $blog_id . ':' : '';
	}
}

function wp_cache_init() {
	$GLOBALS['wp_object_cache'] = new WPCA_Redis_Object_Cache();
}
function wp_cache_add( $key, $data, $group = '', $expire = 0 ) {
	return $GLOBALS['wp_object_cache']->add( $key, $data, $group, $expire );
}
function wp_cache_replace( $key, $data, $group = '', $expire = 0 ) {
	return $GLOBALS['wp_object_cache']->replace( $key, $data, $group, $expire );
}
function wp_cache_set( $key, $data, $group = '', $expire = 0 ) {
	return $GLOBALS['wp_object_cache']->set( $key, $data, $group, $expire );
}
function wp_cache_get( $key, $group = '', $force = false, &$found = null ) {
	return $GLOBALS['wp_object_cache']->get( $key, $group, $force, $found );
}
function wp_cache_delete( $key, $group = '' ) {
	return $GLOBALS['wp_object_cache']->delete( $key, $group );
}
function wp_cache_incr( $key, $offset = 1, $group = '' ) {
	return $GLOBALS['wp_object_cache']->incr( $key, $offset, $group );
}
function wp_cache_decr( $key, $offset = 1, $group = '' ) {
	return $GLOBALS['wp_object_cache']->decr( $key, $offset, $group );
}
function wp_cache_flush() {
	return $GLOBALS['wp_object_cache']->flush();
}
function wp_cache_flush_runtime() {
	return $GLOBALS['wp_object_cache']->flush_runtime();
}
function wp_cache_supports( $feature ) {
	return in_array( $feature, array( 'flush_runtime' ), true );
}
function wp_cache_close() {
	return true;
}
function wp_cache_add_global_groups( $groups ) {
	$GLOBALS['wp_object_cache']->add_global_groups( $groups );
}
function wp_cache_add_non_persistent_groups( $groups ) {
	$GLOBALS['wp_object_cache']->add_non_persistent_groups( $groups );
}
function wp_cache_switch_to_blog( $blog_id ) {
	$GLOBALS['wp_object_cache']->switch_to_blog( $blog_id );
}
function wp_cache_reset() {
	$GLOBALS['wp_object_cache']->flush_runtime();
}
