@NullMarked
package kr.gukdae.packs.ifeval;

import org.jspecify.annotations.NullMarked;
