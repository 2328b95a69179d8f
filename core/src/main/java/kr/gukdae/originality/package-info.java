@NullMarked
package kr.gukdae.originality;

import org.jspecify.annotations.NullMarked;
