/**
 * The controlled vocabularies: validation of their codes and the endpoint clients build
 * pickers from.
 */
@NullMarked
package io.launchpad.api.taxonomy;

import org.jspecify.annotations.NullMarked;
