/** The controlled vocabularies: validation of their codes and the endpoint clients build pickers from. */
@org.jspecify.annotations.NullMarked
package io.launchpad.api.taxonomy;
