/**
 * Error codes and the exception base shared by all orathin modules.
 */
package dev.orathin.errors;
