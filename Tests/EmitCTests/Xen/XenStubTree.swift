import Foundation

/// The few hypervisor headers the generated `xen/` headers include, stubbed the way the tree
/// provides them: integer types without a C library (`<xen/types.h>`), errno values
/// (`<xen/errno.h>`) and the tree's compile-time assertion (`<xen/lib.h>`, `BUILD_BUG_ON`).
/// Written next to the generated headers so `-I` finds both, as `-Iinclude` does in xen.git.
enum XenStubTree {
  static let files: [String: String] = [
    "xen/types.h": """
    /* Test stub of the hypervisor's <xen/types.h>: the tree's integer types. */
    #ifndef __TYPES_H__
    #define __TYPES_H__
    typedef __UINT8_TYPE__ uint8_t;
    typedef __UINT16_TYPE__ uint16_t;
    typedef __UINT32_TYPE__ uint32_t;
    typedef __UINT64_TYPE__ uint64_t;
    typedef __INT64_TYPE__ int64_t;
    #endif

    """,
    "xen/errno.h": """
    /* Test stub of the hypervisor's <xen/errno.h>. */
    #ifndef __XEN_ERRNO_H__
    #define __XEN_ERRNO_H__
    #define EINVAL 22
    #define ENOSYS 38
    #endif

    """,
    "xen/lib.h": """
    /* Test stub of the hypervisor's <xen/lib.h>: BUILD_BUG_ON, in a form C99 -pedantic accepts. */
    #ifndef __LIB_H__
    #define __LIB_H__
    #define BUILD_BUG_ON(cond) ((void)sizeof(char[1 - 2 * !!(cond)]))
    #endif

    """,
  ]

  static func write(into directory: URL) throws {
    for (path, text) in files {
      let url = directory.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
  }
}
