// SPDX-License-Identifier: MIT
/*
 * ls [-a] [DIR|FILE]... - lists directories (default "."), names sorted,
 * those starting with '.' only with -a. The names come from getdents64
 * (readdir). On a terminal they are set in columns (width from
 * TIOCGWINSZ, else 80), otherwise one per line, as GNU ls does. With
 * several arguments each directory gets a "NAME:" heading.
 * Exit status 2 if an argument could not be listed (GNU ls's code).
 */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

#define LS_COLUMN_GAP	2

static bool show_hidden;

struct name_list {
	char **names;
	size_t count, capacity;
};

static int add_name(struct name_list *list, const char *name)
{
	if (list->count == list->capacity) {
		size_t capacity = list->capacity ? 2 * list->capacity : 64;
		char **names = realloc(list->names, capacity * sizeof(*names));

		if (!names)
			return -1;
		list->names = names;
		list->capacity = capacity;
	}
	list->names[list->count] = strdup(name);
	if (!list->names[list->count])
		return -1;
	list->count++;
	return 0;
}

static void free_names(struct name_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		free(list->names[i]);
	free(list->names);
	list->names = NULL;
	list->count = list->capacity = 0;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int terminal_width(void)
{
	struct winsize size;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
		return size.ws_col;
	return 80;
}

/*
 * print_columns - the names down columns, then across (GNU ls's default
 * order), as many columns as fit in the terminal's width.
 */
static void print_columns(const struct name_list *list)
{
	size_t widest = 1, columns, rows;

	for (size_t i = 0; i < list->count; i++)
		if (strlen(list->names[i]) > widest)
			widest = strlen(list->names[i]);
	columns = (size_t)terminal_width() / (widest + LS_COLUMN_GAP);
	if (columns == 0)
		columns = 1;
	rows = (list->count + columns - 1) / columns;
	for (size_t row = 0; row < rows; row++) {
		for (size_t column = 0; column < columns; column++) {
			size_t i = column * rows + row;

			if (i >= list->count)
				break;
			if (column + 1 < columns && i + rows < list->count)
				printf("%-*s", (int)(widest + LS_COLUMN_GAP), list->names[i]);
			else
				printf("%s", list->names[i]);
		}
		putchar('\n');
	}
}

static void print_names(struct name_list *list)
{
	qsort(list->names, list->count, sizeof(*list->names), compare_names);
	if (isatty(STDOUT_FILENO)) {
		print_columns(list);
		return;
	}
	for (size_t i = 0; i < list->count; i++)
		puts(list->names[i]);
}

/* list_directory - prints the entries of dir. Returns 0, or 2 after printing the error. */
static int list_directory(const char *path, DIR *dir)
{
	struct name_list list = { 0 };
	struct dirent *entry;
	int status = 0;

	errno = 0;
	while ((entry = readdir(dir))) {
		if (entry->d_name[0] == '.' && !show_hidden)
			continue;
		if (add_name(&list, entry->d_name) < 0) {
			fprintf(stderr, "ls: out of memory\n");
			status = 2;
			break;
		}
	}
	if (!entry && errno) {
		fprintf(stderr, "ls: reading directory '%s': %s\n", path, strerror(errno));
		status = 2;
	}
	print_names(&list);
	free_names(&list);
	return status;
}

/* list_path - lists a directory, or prints the name of a file. Returns 0 or 2. */
static int list_path(const char *path, bool heading, bool first)
{
	struct stat st;
	DIR *dir = opendir(path);
	int status;

	if (!dir) {
		if (errno == ENOTDIR && stat(path, &st) == 0) {
			puts(path);
			return 0;
		}
		fprintf(stderr, "ls: cannot access '%s': %s\n", path, strerror(errno));
		return 2;
	}
	if (heading)
		printf("%s%s:\n", first ? "" : "\n", path);
	status = list_directory(path, dir);
	closedir(dir);
	return status;
}

int main(int argc, char **argv)
{
	int first = 1, status = 0;

	if (argc > 1 && !strcmp(argv[1], "-a")) {
		show_hidden = true;
		first = 2;
	}
	if (first == argc)
		return list_path(".", false, true);
	for (int i = first; i < argc; i++)
		status |= list_path(argv[i], argc - first > 1, i == first);
	return status;
}
