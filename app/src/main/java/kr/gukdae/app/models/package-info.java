@NullMarked
package kr.gukdae.app.models;

import org.jspecify.annotations.NullMarked;
