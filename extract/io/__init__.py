"""Reading inputs (files, tables, the crawl header) and writing the output tables."""
