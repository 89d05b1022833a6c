# The maple tree (kernel/mm/maple_tree.c) over a host slab shim: the kernel
# suite "maple" plus the host suite (randomized differential runs against a
# sorted array, allocation-failure injection, leak counts), and the
# benchmark against a red-black tree (<bsd/sys/tree.h>, header-only).
HOST_TESTS += maple
host_maple_SRCS := kernel/mm/maple_tree.c kernel/mm/maple_tree_test.c kernel/lib/seq_file.c \
	tests/host/maple_slab_shim.c tests/host/test_maple.c

HOST_BENCHES += maple
bench_maple_SRCS := kernel/mm/maple_tree.c kernel/mm/slab.c kernel/mm/page_alloc.c \
	kernel/mm/memblock.c kernel/lib/seq_file.c tests/host/host_mm.c tests/host/bench_maple.c
