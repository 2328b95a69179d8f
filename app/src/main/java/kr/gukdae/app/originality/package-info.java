@NullMarked
package kr.gukdae.app.originality;

import org.jspecify.annotations.NullMarked;
