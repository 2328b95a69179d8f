@NullMarked
package kr.gukdae.data.registry;

import org.jspecify.annotations.NullMarked;
