@NullMarked
package kr.gukdae.data.commit;

import org.jspecify.annotations.NullMarked;
