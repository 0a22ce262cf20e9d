/** Who is calling: credential extraction rules and key verification. Virtual keys arrive in a later issue. */
package io.llmgate.core.auth;
