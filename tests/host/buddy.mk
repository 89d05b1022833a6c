# The buddy allocator and memblock (kernel/mm/page_alloc.c, kernel/mm/memblock.c)
# over host memory: unit and differential tests, and the benchmark.
HOST_TESTS += buddy
host_buddy_SRCS := kernel/mm/page_alloc.c kernel/mm/memblock.c kernel/lib/seq_file.c \
	tests/host/test_buddy.c

HOST_BENCHES += buddy
bench_buddy_SRCS := kernel/mm/page_alloc.c kernel/mm/memblock.c kernel/lib/seq_file.c \
	tests/host/bench_buddy.c
