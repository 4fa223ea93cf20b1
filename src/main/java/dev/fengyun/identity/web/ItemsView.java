package dev.fengyun.identity.web;

import java.util.List;

/** The envelope of every list response: {@code {"items":[…]}}. */
record ItemsView<T>(List<T> items) {}
