# Slab allocator (issue 4): the kernel suite `slab` and the host suite
# `slab_host` (differential test) over the real buddy allocator; and the
# kmalloc / kmem_cache_alloc benchmark against glibc malloc.
HOST_TESTS += slab
host_slab_SRCS := kernel/mm/slab.c kernel/mm/slab_test.c kernel/mm/page_alloc.c \
	kernel/mm/memblock.c kernel/lib/seq_file.c tests/host/host_mm.c tests/host/test_slab.c

HOST_BENCHES += slab
bench_slab_SRCS := kernel/mm/slab.c kernel/mm/page_alloc.c kernel/mm/memblock.c \
	kernel/lib/seq_file.c tests/host/host_mm.c tests/host/bench_slab.c
