@NullMarked
package kr.gukdae.data.quality;

import org.jspecify.annotations.NullMarked;
